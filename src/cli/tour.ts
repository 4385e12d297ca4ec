import { loopBackprop, slideD } from "../backprop/loop.ts";
import type { Matrix } from "../linalg/Matrix.ts";
import { gradientMethods } from "../methods.ts";
import { referenceCases } from "./builtinCases.ts";

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

  const c = cases.find((k) => k.name === "ex4-debug-lambda3")!;
  out(`2. The slide's D = (1/m)Δ + λΘ against the corrected D = (1/m)Δ + (λ/m)Θ on ${c.name} (m = ${c.X.rows}, λ = ${c.lambda}):`);
  const slide = loopBackprop(c, c.theta, slideD).grad;
  const right = gradientMethods.loop(c, c.theta).grad;
  const diffs = differingEntries(slide, right);
  out(`   ${diffs.length} of ${right.reduce((n, D) => n + D.data.length, 0)} entries differ; the largest:`);
  for (const d of diffs.slice(0, 5)) {
    out(`   Θ⁽${d.l + 1}⁾[${d.i}][${d.j}]  slide ${d.a.toPrecision(8)}  corrected ${d.b.toPrecision(8)}  (off by ${(d.a - d.b).toPrecision(3)})`);
  }
  out("   Every bias-column entry agrees: the regulariser skips column 0, so the slip only shows on weights.");
  return 0;
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

function differingEntries(a: readonly Matrix[], b: readonly Matrix[]) {
  const out: Array<{ l: number; i: number; j: number; a: number; b: number }> = [];
  a.forEach((A, l) => A.data.forEach((x, q) => {
    const y = b[l].data[q];
    if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) out.push({ l, i: Math.floor(q / A.cols), j: q % A.cols, a: x, b: y });
  }));
  return out.sort((p, q) => Math.abs(q.a - q.b) - Math.abs(p.a - p.b));
}
