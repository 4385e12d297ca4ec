import type { LabelledCase } from "../network/labels.ts";
import { costFunction } from "../network/costFunction.ts";
import { roll } from "../network/theta.ts";
import { defaultRelativeAccuracy } from "../numeric/index.ts";
import { costAllowance } from "./caseTolerances.ts";
import { naiveLogError } from "./unstableCost.ts";

/** The noise budget is twice the largest residual: a fit to few points leaves some noise in the fit itself. */
export const noiseSafety = 2;

/** Noise above this many times what J may be off at Θ is no rounding (see noiseBudget). */
const noiseCeiling = 16;

/**
 * J's accuracy for (b) when its own answers show more noise than rounding (costNoise), or
 * undefined. Only a J that is right at Θ — within (a)'s tolerance or a naive log's rounding —
 * gets it: a cost that is plainly wrong keeps (b) as sharp as ever, so (b) still tells a wrong
 * forward pass from a wrong backward one.
 */
export function noiseBudget(
  c: LabelledCase,
  theta: Float64Array,
  J: number,
  answers: ReadonlyMap<Float64Array, number>,
): number | undefined {
  const exact = costFunction(c, c.theta);
  const near = Math.max(costAllowance(exact), naiveLogError(c).bound);
  if (!(Math.abs(J - exact) <= near)) return undefined;
  const noise = noiseSafety * costNoise(c, theta, answers);
  const rounding = defaultRelativeAccuracy * Math.abs(J) * Math.sqrt(theta.length);
  // Rounding scatters J near Θ by about what it may be off at Θ; a jump far beyond that (a J
  // wrong at one point, a different answer on one call) is no noise, and buys (b) no slack.
  const ceiling = noiseCeiling * Math.max(near, rounding);
  return Number.isFinite(noise) && noise > rounding && noise <= ceiling ? noise : undefined;
}

/**
 * How much rounding noise the submission's own J carries near Θ, measured from its answers:
 * at each point x_k it was asked at along the line Θ + t·v, d_k = J_submitted(x_k) − J_exact(x_k)
 * (gradcheck's cost, exact up to round-off). A cost that is wrong by a smooth amount (a bias
 * regularised, a factor) moves d smoothly with t; rounding — a naive log(1 − h) near
 * saturation, a long sum — scatters it. So d is fitted by a quadratic in t by least squares,
 * and the noise is the largest residual: what finite differences of that J cannot resolve.
 */
export function costNoise(c: LabelledCase, theta: Float64Array, answers: ReadonlyMap<Float64Array, number>): number {
  const points = [...answers];
  if (points.length < 4) return 0;
  const t = lineCoordinates(
    theta,
    points.map(([x]) => x),
  );
  const d = points.map(([x, J]) => J - costFunction(c, roll(x, c.layerSizes)));
  if (!d.every(Number.isFinite)) return Infinity;
  const fit = quadraticFit(t, d);
  let noise = 0;
  for (let k = 0; k < t.length; k++) noise = Math.max(noise, Math.abs(d[k] - (fit[0] + fit[1] * t[k] + fit[2] * t[k] * t[k])));
  return noise;
}

/** t_k with x_k = Θ + t_k·u, u the unit vector towards the farthest point (all lie on one line), scaled to at most 1. */
function lineCoordinates(theta: Float64Array, xs: readonly Float64Array[]): number[] {
  const far = xs.reduce((best, x) => (distance(theta, x) > distance(theta, best) ? x : best), xs[0]);
  const r = distance(theta, far) || 1;
  return xs.map((x) => {
    let dot = 0;
    for (let q = 0; q < x.length; q++) dot += (x[q] - theta[q]) * (far[q] - theta[q]);
    return dot / (r * r);
  });
}

function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let q = 0; q < a.length; q++) s += (a[q] - b[q]) ** 2;
  return Math.sqrt(s);
}

/** [c0, c1, c2] minimising Σ (d_k − c0 − c1 t_k − c2 t_k²)², by the 3 × 3 normal equations. */
function quadraticFit(t: readonly number[], d: readonly number[]): [number, number, number] {
  const S = [0, 0, 0, 0, 0],
    b = [0, 0, 0];
  for (let k = 0; k < t.length; k++) {
    for (let p = 0; p < 5; p++) S[p] += t[k] ** p;
    for (let p = 0; p < 3; p++) b[p] += d[k] * t[k] ** p;
  }
  const A = [
    [S[0], S[1], S[2]],
    [S[1], S[2], S[3]],
    [S[2], S[3], S[4]],
  ];
  const det = (M: number[][]) =>
    M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) -
    M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) +
    M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]);
  const D = det(A);
  if (D === 0) return [d.reduce((s, v) => s + v, 0) / d.length, 0, 0];
  // Cramer's rule: column p replaced by b
  const solve = (p: number) => det(A.map((row, i) => row.map((v, j) => (j === p ? b[i] : v)))) / D;
  return [solve(0), solve(1), solve(2)];
}
