import type { Clue } from "./Clue.ts";
import { allNear, near, type Evidence, type Sample } from "./Evidence.ts";

const rules: ReadonlyArray<{ readonly name: string; readonly factor: (s: Sample, c: number) => number; readonly why?: string }> = [
  { name: "1/K", factor: (s) => 1 / outputs(s), why: "averaged over the K outputs as well as the m examples" },
  { name: "K", factor: (s) => outputs(s), why: "multiplied by the number of outputs K" },
  { name: "1/m", factor: (s) => 1 / s.c.X.rows, why: "divided by m once too often" },
  { name: "m", factor: (s) => s.c.X.rows, why: "not divided by m" },
  { name: "c", factor: (_, c) => c },
];

const outputs = (s: Sample) => s.c.layerSizes[s.c.layerSizes.length - 1];

/** ∇J (and perhaps J) = c × expected on every case, with c constant or a plain function of K or m. */
export function scaleFactor(e: Evidence): Clue | undefined {
  const first = e.samples[0];
  const c = leastSquaresFactor(first.got.grad, first.expected.grad);
  if (!Number.isFinite(c) || near(c, 1, 1e-6)) return undefined;
  for (const rule of rules) {
    const f = (s: Sample) => rule.factor(s, c);
    if (!e.samples.every((s) => allNear(s.got.grad, scaled(s.expected.grad, f(s)), 1e-7))) continue;
    const alsoJ = e.samples.every((s) => near(s.got.J, f(s) * s.expected.J, 1e-7));
    const K = outputs(first),
      m = first.c.X.rows;
    const what = alsoJ ? "J and ∇J" : "∇J";
    const number = rule.name === "c" ? `c = ${round(c)}` : `c = ${rule.name} = ${round(f(first))} (K = ${K}, m = ${m})`;
    return {
      id: "scale-factor",
      value: f(first),
      message: `${what} = c × expected on every network, ${number}${rule.why ? `: ${rule.why}` : ""}`,
    };
  }
  return undefined;
}

function leastSquaresFactor(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  let gx = 0,
    xx = 0;
  for (let k = 0; k < expected.length; k++) {
    gx += got[k] * expected[k];
    xx += expected[k] * expected[k];
  }
  return xx > 0 ? gx / xx : NaN;
}

function scaled(x: Float64Array, f: number): Float64Array {
  return x.map((v) => v * f);
}

/** Twelve significant digits: 0.49999999999999994 reads as 0.5. */
export function round(x: number): number {
  return Number(x.toPrecision(12));
}
