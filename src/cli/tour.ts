import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loopBackprop, slideD } from "../backprop/loop.ts";
import { copy, type Matrix } from "../linalg/Matrix.ts";
import { gradientMethods } from "../methods.ts";
import { referenceCases } from "./builtinCases.ts";
import { checkTour } from "./checkTour.ts";
import { gradeTour } from "./gradeTour.ts";
import { trainTour } from "./trainTour.ts";
import { compareGradients, defaultTolerance, renderComparison, toleranceFormula, type GradientComparison } from "../check/index.ts";
import { checkNetworkGradient, fdMethodFor, fdNetworkGradient, thetaLocate } from "../fdnet/index.ts";
import { thetaIndexConvention } from "../network/thetaEntry.ts";
import { forward } from "../network/forward.ts";
import type { Case } from "../network/Network.ts";
import { unroll } from "../network/theta.ts";

export interface TourOptions {
  /** every row of every table, not just each section's summary */
  readonly verbose?: boolean;
  /** where to write the HTML report of section 3 (none when absent) */
  readonly reportDir?: string;
}

/** `npm start`: what gradcheck does, on its built-in cases. */
export async function tour(out: (line: string) => void, options: TourOptions = {}): Promise<number> {
  const cases = referenceCases();
  const verbose = options.verbose ?? false;
  out(`gradcheck tour — ${cases.length} built-in reference cases (expected J and ∂J/∂Θ from an independent float64 autodiff system)`);
  out(`Entries are named ${thetaIndexConvention}.${verbose ? "" : " --verbose shows every row."}\n`);
  referenceSection(cases, verbose, out);
  const allAgree = fdSection(cases, verbose, out);

  await slideSection(cases, options.reportDir, out);
  kinkSection(cases, out);

  out("5. Someone else's implementation: `gradcheck check` runs each example in examples/ in a sandboxed child process,");
  out("   compares it with gradcheck on random networks, shrinks a failure to the smallest network and names the mistake.");
  const examplesOk = await checkTour(out);

  out("");
  out("6. What a verified gradient is for: training. Batch gradient descent on real handwritten digits (MNIST).");
  const trained = trainTour(out);
  out("");
  out("7. A whole class: `gradcheck grade` scores each student with a rubric (partial credit), sandboxed and in parallel.");
  const graded = await gradeTour(out);
  return allAgree && examplesOk === 0 && trained === 0 && graded === 0 ? 0 : 1;
}

/** Section 3: the slide's regulariser slip, caught entry by entry, and the corrected D passing. */
async function slideSection(cases: readonly Case[], reportDir: string | undefined, out: (line: string) => void): Promise<void> {
  const c = cases.find((k) => k.name === "ex4-debug-lambda3")!;
  out(`3. The slide's D = (1/m)Δ + λΘ against finite differences on ${c.name} (m = ${c.X.rows}, λ = ${c.lambda}):`);
  const slide = checkNetworkGradient(c, c.theta, loopBackprop(c, c.theta, slideD).grad, { worst: 5 });
  for (const line of renderComparison(slide)) out(`   ${line}`);
  if (reportDir !== undefined) out(`   The heatmap of where it is wrong: ${await writeTourReport(slide, c.name, reportDir)}`);
  const right = checkNetworkGradient(c, c.theta, gradientMethods.loop(c, c.theta).grad);
  out(
    `   The corrected D = (1/m)Δ + (λ/m)Θ: ${right.passed ? "PASS" : "FAIL"} (${right.failed} of ${right.entries} entries outside tolerance, ‖a−n‖/‖a+n‖ ${fmt(right.relativeDifference)}).`,
  );
  out(
    "   Every bias-column entry agrees: the regulariser skips column 0, so the slip only shows on weights; it needs m ≥ 2 and λ > 0 to show at all.\n",
  );
}

/** Section 4: an example exactly at a relu kink, whose entries are set aside rather than failed. */
function kinkSection(cases: readonly Case[], out: (line: string) => void): void {
  const r = cases.find((k) => k.name === "small-013")!;
  out(`4. A kink: ${r.name} has relu hidden units; move unit 0's bias so that example 0 sits exactly at z = 0 there.`);
  const theta = r.theta.map(copy);
  theta[0].data[0] -= forward(r, theta, r.X).z[1].data[0];
  const kinked = checkNetworkGradient(r, theta, gradientMethods.backprop(r, theta).grad, { maxSetAside: 0.5 });
  for (const line of renderComparison(kinked).slice(0, 3)) out(`   ${line}`);
  out("   Those entries are set aside, not failed: relu has no derivative at 0, so there is nothing to compare.");
  out(
    "   A check sets aside at most 10 % of its entries unless told more (maxSetAside: 0.5 here); beyond that it fails: it compared too few.\n",
  );
}

/** Section 1: the loop and the batch form against the reference, one line (or a row per case). */
function referenceSection(cases: readonly Case[], verbose: boolean, out: (line: string) => void): void {
  out("1. The lecture's backpropagation, two ways: the per-example loop (Δ accumulation) and the batch form.");
  const header = `   ${"case".padEnd(20)} ${"layerSizes".padEnd(20)} ${"m".padStart(3)}  ${"|J − ref|".padStart(9)}  ${"loop vs ref".padStart(11)}  ${"batch vs ref".padStart(12)}  ${"loop vs batch".padStart(13)}`;
  if (verbose) out(header);
  let worst = 0,
    worstCase = "";
  for (const c of cases) {
    const loop = gradientMethods.loop(c, c.theta);
    const batch = gradientMethods.backprop(c, c.theta);
    const ref = c.expected!;
    const dJ = Math.abs(batch.J - ref.J) / Math.max(1, Math.abs(ref.J));
    const lr = maxRelative(loop.grad, ref.grad),
      br = maxRelative(batch.grad, ref.grad),
      lb = maxRelative(loop.grad, batch.grad);
    if (Math.max(dJ, lr, br) > worst) [worst, worstCase] = [Math.max(dJ, lr, br), c.name];
    if (verbose)
      out(
        `   ${c.name.padEnd(20)} ${`[${c.layerSizes}]`.padEnd(20)} ${String(c.X.rows).padStart(3)}  ${fmt(dJ).padStart(9)}  ${fmt(lr).padStart(11)}  ${fmt(br).padStart(12)}  ${fmt(lb).padStart(13)}`,
      );
  }
  out(
    `   ${cases.length} cases: worst relative deviation of J or ∂J/∂Θ from the reference ${fmt(worst)} (${worstCase}; max over entries of |a − b| / max(1, |b|))\n`,
  );
}

/** Section 2: backprop and the tape against finite differences, entry by entry. Returns whether all agree. */
function fdSection(cases: readonly Case[], verbose: boolean, out: (line: string) => void): boolean {
  out("2. Three independent ways to ∂J/∂Θ, checked entry by entry: backprop and the autodiff tape against finite differences.");
  out(`   tolerance: ${toleranceFormula(defaultTolerance)}`);
  if (verbose)
    out(
      `   ${"case".padEnd(20)} ${"entries".padStart(7)}  ${"backprop vs FD".padEnd(29)} ${"tape vs FD".padEnd(29)} ${"worst FD error bound".padStart(20)}`,
    );
  let allAgree = true,
    entries = 0,
    worstDifference = 0,
    worstBound = 0;
  for (const c of cases) {
    const fd = fdNetworkGradient(c, c.theta);
    const locate = thetaLocate(c.layerSizes);
    const verdict = (grad: readonly Matrix[]) => {
      const r = compareGradients(unroll(grad), fd.fd, { locate });
      if (!r.passed) allAgree = false;
      worstDifference = Math.max(worstDifference, r.relativeDifference);
      return `${r.passed ? "agree" : "DIFFER"} (‖a−n‖/‖a+n‖ ${fmt(r.relativeDifference)})`;
    };
    const bp = verdict(gradientMethods.backprop(c, c.theta).grad);
    const tape = verdict(gradientMethods.tape(c, c.theta).grad);
    const bound = fd.fd.errorBound.reduce((w, e) => Math.max(w, e), 0);
    entries += fd.fd.estimate.length;
    worstBound = Math.max(worstBound, bound);
    if (verbose || bp.startsWith("DIFFER") || tape.startsWith("DIFFER")) {
      out(
        `   ${c.name.padEnd(20)} ${String(fd.fd.estimate.length).padStart(7)}  ${bp.padEnd(29)} ${tape.padEnd(29)} ${fmt(bound).padStart(20)}`,
      );
    }
  }
  out(
    `   ${cases.length} cases, ${entries} entries: ${allAgree ? "All three methods agree on every entry of every case" : "Some methods DISAGREE: see above"}; worst ‖a−n‖/‖a+n‖ ${fmt(worstDifference)}, worst FD error bound ${fmt(worstBound)}; FD is ${fdMethodFor(cases[0]!).name} from cached activations.\n`,
  );
  return allAgree;
}

/** Section 3 as a page: the slide's λΘ, a heatmap per layer. Returns the file written. */
async function writeTourReport(slide: GradientComparison, caseName: string, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, "report.html");
  writeFileSync(file, await tourReportHtml(slide, caseName));
  return file;
}

/** The tour's page; the HTML renderer and its plotting libraries load only when it is written. */
export async function tourReportHtml(slide: GradientComparison, caseName: string): Promise<string> {
  const { renderHtml } = await import("../report/renderHtml.ts");
  return renderHtml(slide, {
    title: "gradcheck tour: the slide's D = (1/m)Δ + λΘ",
    description: `On ${caseName}, the gradient with the slide's regulariser λΘ (instead of (λ/m)Θ) against finite differences of J. Every weight is off by (λ − λ/m)Θ; the bias column, which is not regularised, is right.`,
    labels: { a: "the slide's D = (1/m)Δ + λΘ", n: "finite differences of J" },
  });
}

function fmt(x: number): string {
  return x.toExponential(1);
}

function maxRelative(a: readonly Matrix[], b: readonly Matrix[]): number {
  let worst = 0;
  a.forEach((A, l) =>
    A.data.forEach((x, q) => {
      worst = Math.max(worst, Math.abs(x - b[l].data[q]) / Math.max(1, Math.abs(b[l].data[q])));
    }),
  );
  return worst;
}
