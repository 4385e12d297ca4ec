import { loopBackprop, slideD } from "../backprop/loop.ts";
import { copy, type Matrix } from "../linalg/Matrix.ts";
import { gradientMethods } from "../methods.ts";
import { referenceCases } from "./builtinCases.ts";
import { checkTour } from "./checkTour.ts";
import { gradeTour } from "./gradeTour.ts";
import { compareGradients, defaultTolerance, renderComparison, toleranceFormula } from "../check/index.ts";
import { checkNetworkGradient, fdNetworkGradient, fdMethodFor, thetaLocate } from "../fdnet/index.ts";
import { forward } from "../network/forward.ts";
import { unroll } from "../network/theta.ts";

/** `npm start`: what gradcheck does, on its built-in cases. */
export async function tour(out: (line: string) => void): Promise<number> {
  const cases = referenceCases();
  out(`gradcheck tour — ${cases.length} built-in reference cases (expected J and ∂J/∂Θ from an independent float64 autodiff system)\n`);
  out("1. The lecture's backpropagation, two ways: the per-example loop (Δ accumulation) and the batch form.");
  out(`   ${"case".padEnd(20)} ${"layerSizes".padEnd(20)} ${"m".padStart(3)}  ${"|J − ref|".padStart(9)}  ${"loop vs ref".padStart(11)}  ${"batch vs ref".padStart(12)}  ${"loop vs batch".padStart(13)}`);
  let worst = 0;
  for (const c of cases) {
    const loop = gradientMethods.loop(c, c.theta);
    const batch = gradientMethods.backprop(c, c.theta);
    const ref = c.expected!;
    const dJ = Math.abs(batch.J - ref.J) / Math.max(1, Math.abs(ref.J));
    const lr = maxRelative(loop.grad, ref.grad), br = maxRelative(batch.grad, ref.grad), lb = maxRelative(loop.grad, batch.grad);
    worst = Math.max(worst, dJ, lr, br);
    out(`   ${c.name.padEnd(20)} ${`[${c.layerSizes}]`.padEnd(20)} ${String(c.X.rows).padStart(3)}  ${fmt(dJ).padStart(9)}  ${fmt(lr).padStart(11)}  ${fmt(br).padStart(12)}  ${fmt(lb).padStart(13)}`);
  }
  out(`   worst relative deviation from the reference: ${fmt(worst)} (max over entries of |a − b| / max(1, |b|))\n`);

  out("2. Three independent ways to ∂J/∂Θ, checked entry by entry: backprop and the autodiff tape against finite differences.");
  out(`   tolerance: ${toleranceFormula(defaultTolerance)}`);
  out(`   ${"case".padEnd(20)} ${"P".padStart(4)}  ${"backprop vs FD".padEnd(29)} ${"tape vs FD".padEnd(29)} ${"worst FD error bound".padStart(20)}`);
  let allAgree = true;
  for (const c of cases) {
    const fd = fdNetworkGradient(c, c.theta);
    const locate = thetaLocate(c.layerSizes);
    const verdict = (grad: readonly Matrix[]) => {
      const r = compareGradients(unroll(grad), fd.fd, { locate });
      if (!r.passed) allAgree = false;
      return `${r.passed ? "agree" : "DIFFER"} (‖a−n‖/‖a+n‖ ${fmt(r.relativeDifference)})`;
    };
    const bp = verdict(gradientMethods.backprop(c, c.theta).grad);
    const tape = verdict(gradientMethods.tape(c, c.theta).grad);
    const worstBound = fd.fd.errorBound.reduce((w, e) => Math.max(w, e), 0);
    out(`   ${c.name.padEnd(20)} ${String(fd.fd.estimate.length).padStart(4)}  ${bp.padEnd(29)} ${tape.padEnd(29)} ${fmt(worstBound).padStart(20)}`);
  }
  out(`   ${allAgree ? "All three methods agree on every entry of every case" : "Some methods DISAGREE: see above"}; FD is ${fdMethodFor(cases[0]).name} from cached activations.\n`);

  const c = cases.find((k) => k.name === "ex4-debug-lambda3")!;
  out(`3. The slide's D = (1/m)Δ + λΘ against finite differences on ${c.name} (m = ${c.X.rows}, λ = ${c.lambda}):`);
  const slide = checkNetworkGradient(c, c.theta, loopBackprop(c, c.theta, slideD).grad, { worst: 5 });
  for (const line of renderComparison(slide)) out(`   ${line}`);
  const right = checkNetworkGradient(c, c.theta, gradientMethods.loop(c, c.theta).grad);
  out(`   The corrected D = (1/m)Δ + (λ/m)Θ: ${right.passed ? "PASS" : "FAIL"} (${right.failed} of ${right.entries} entries outside tolerance, ‖a−n‖/‖a+n‖ ${fmt(right.relativeDifference)}).`);
  out("   Every bias-column entry agrees: the regulariser skips column 0, so the slip only shows on weights; it needs m ≥ 2 and λ > 0 to show at all.\n");

  const r = cases.find((k) => k.name === "small-013")!;
  out(`4. A kink: ${r.name} has relu hidden units; move unit 0's bias so that example 0 sits exactly at z = 0 there.`);
  const theta = r.theta.map(copy);
  theta[0].data[0] -= forward(r, theta, r.X).z[1].data[0];
  const kinked = checkNetworkGradient(r, theta, gradientMethods.backprop(r, theta).grad);
  for (const line of renderComparison(kinked).slice(0, 3)) out(`   ${line}`);
  out("   Those entries are reported, not failed: relu has no derivative at 0, so there is nothing to compare.\n");

  out("5. Someone else's implementation: `gradcheck check` runs each example in examples/ in a sandboxed child process,");
  out("   compares it with gradcheck on random networks, shrinks a failure to the smallest network and names the mistake.");
  const checked = await checkTour(out);
  out("6. A whole class: `gradcheck grade` scores each student with a rubric (partial credit), sandboxed and in parallel.");
  const graded = await gradeTour(out);
  return checked || graded;
}

function fmt(x: number): string {
  return x.toExponential(1);
}

function maxRelative(a: readonly Matrix[], b: readonly Matrix[]): number {
  let worst = 0;
  a.forEach((A, l) => A.data.forEach((x, q) => {
    worst = Math.max(worst, Math.abs(x - b[l].data[q]) / Math.max(1, Math.abs(b[l].data[q])));
  }));
  return worst;
}
