import type { FdMethod, RichardsonMethod, StencilMethod } from "./FdMethod.ts";
import type { Estimate } from "./Estimate.ts";
import type { Increments } from "./Increments.ts";
import { powerOfTwoBelow, stepFor } from "./stepFor.ts";

/**
 * ∂f/∂x_i by one method, with its error bound:
 *
 * - a stencil at the step of `stepFor`: bound = Σ|c_k|·ε_f/h (round-off) + |C|·h^q·M with the
 *   a-priori M of `stepFor` (truncation);
 * - Richardson: the tableau entry with the smallest a-posteriori error
 *   max(|T_kj − T_k,j−1|, |T_kj − T_k−1,j−1|) (Ridders), plus the round-off of that entry
 *   propagated through the extrapolation weights.
 *
 * Levels whose perturbation crosses a kink are dropped; if even the smallest step crosses one,
 * the entry is a kink: the estimate is the central difference there and the bound is half the
 * jump between the one-sided slopes.
 */
export function estimateEntry(method: FdMethod, inc: Increments, i: number): Estimate {
  return method.kind === "stencil" ? stencilEstimate(method, inc, i) : richardsonEstimate(method, inc, i);
}

function relativeAccuracy(inc: Increments): number {
  return Math.max(inc.accuracy / Math.max(Math.abs(inc.f0), Number.MIN_VALUE), Number.EPSILON);
}

function nonZeroGrid(s: StencilMethod): { grid: number[]; coefs: number[] } {
  const grid: number[] = [],
    coefs: number[] = [];
  s.grid.forEach((g, k) => {
    if (g !== 0) {
      grid.push(g);
      coefs.push(s.coefs[k]);
    }
  });
  return { grid, coefs };
}

function stencilEstimate(s: StencilMethod, inc: Increments, i: number): Estimate {
  const xi = inc.coordinate(i);
  const h = stepFor(s, xi, relativeAccuracy(inc));
  const { grid, coefs } = nonZeroGrid(s);
  const offsets = Float64Array.from(grid, (g) => g * h);
  const out = new Float64Array(grid.length),
    kinks = new Uint8Array(grid.length);
  const accuracy = inc.increments(i, offsets, out, kinks) ?? inc.accuracy;
  let d = 0,
    sumAbs = 0;
  for (let k = 0; k < grid.length; k++) {
    d += coefs[k] * out[k];
    sumAbs += Math.abs(coefs[k]);
  }
  d /= h;
  const kink = kinks.some((b) => b === 1);
  const scale = Math.max(1, Math.abs(xi));
  const M = Math.max(Math.abs(inc.f0), inc.accuracy / Number.EPSILON) / scale ** (s.order + 1);
  const errorBound = (sumAbs * accuracy) / h + Math.abs(s.truncationConstant) * h ** s.order * M;
  return { estimate: d, errorBound: kink ? Math.max(errorBound, oneSidedHalfJump(grid, out, h)) : errorBound, step: h, kink };
}

/** Half the difference between the forward and backward slopes from the nearest points. */
function oneSidedHalfJump(grid: number[], out: Float64Array, h: number): number {
  const p = grid.indexOf(1),
    m = grid.indexOf(-1);
  if (p < 0 || m < 0) return Infinity;
  return Math.abs(out[p] + out[m]) / (2 * h);
}

function richardsonEstimate(r: RichardsonMethod, inc: Increments, i: number): Estimate {
  const xi = inc.coordinate(i);
  const h0 = powerOfTwoBelow(r.largestStep * Math.max(1, Math.abs(xi)));
  const first = tableau(
    r.base,
    inc,
    i,
    Float64Array.from({ length: r.levels }, (_, k) => h0 / r.ratio ** k),
    r.ratio,
  );
  const e = first.result;
  if (first.cleanLevels === r.levels && (r.levels <= 3 || e.errorBound <= 1e-9 * Math.max(1, Math.abs(e.estimate)))) return e;
  // A kink within the large steps (or a wild function): try again just above the
  // round-off-optimal step, where a kink has to be much closer to x to matter.
  const hs = 4 * stepFor(r.base, xi, relativeAccuracy(inc));
  const second = tableau(r.base, inc, i, Float64Array.from([hs, hs / 2, hs / 4]), 2);
  if (second.result.kink) return second.result;
  return second.cleanLevels >= 2 && second.result.errorBound < e.errorBound ? second.result : e;
}

/**
 * A level's second difference s(h) must exceed its round-off by this factor before its
 * shape is trusted: 64 is 2⁶, six bits of margin over the bound 2·accuracy/h, enough that
 * cancellation in f(x+h) + f(x−h) − 2f(x) never passes for curvature.
 */
const SECOND_DIFFERENCE_NOISE_FACTOR = 64;
/**
 * For smooth f, s(h) ≈ f''·h halves with h; at the smallest level a kink keeps s(h) from
 * shrinking. Above 3/4 of the next larger level's s (halfway between "halved" and "unchanged",
 * rounded up for the h² term) the smallest level is taken to straddle a kink.
 */
const KINK_SHRINK_RATIO = 0.75;
/**
 * Between two larger levels, s(h_k) should equal (h_k/h_{k+1})·s(h_{k+1}) up to the next term
 * of the expansion; a mismatch above 10 % of s is more than that term can explain at the step
 * ratios used (2 to 4), so the level saw a kink.
 */
const KINK_ANOMALY_TOLERANCE = 0.1;

/** f(x ± g·h_k) − f(x) at every level, and which ones the function reported as kinked. */
interface Levels {
  readonly steps: Float64Array;
  /** grid points per level */
  readonly G: number;
  readonly out: Float64Array;
  /** D[k]: the stencil's derivative at steps[k]; rho[k]: its round-off bound */
  readonly D: Float64Array;
  readonly rho: Float64Array;
  /** levels before this one saw a kink reported by the function itself */
  readonly firstReportedClean: number;
  readonly accuracy: number;
}

/** One Richardson tableau over the given steps (largest first). */
function tableau(
  base: StencilMethod,
  inc: Increments,
  i: number,
  steps: Float64Array,
  ratio: number,
): { result: Estimate; cleanLevels: number } {
  const { grid, coefs } = nonZeroGrid(base);
  const levels = evaluateLevels(grid, coefs, inc, i, steps);
  const p = grid.indexOf(1),
    m = grid.indexOf(-1);
  const firstClean = base.symmetric && p >= 0 && m >= 0 ? firstCleanBySecondDifference(levels, p, m) : levels.firstReportedClean;
  const n = steps.length,
    cleanLevels = n - firstClean;
  const hLast = steps[n - 1];
  if (cleanLevels === 0) {
    const halfJump =
      p >= 0 && m >= 0 ? Math.abs(levels.out[(n - 1) * levels.G + p] + levels.out[(n - 1) * levels.G + m]) / (2 * hLast) : Infinity;
    return {
      result: { estimate: levels.D[n - 1], errorBound: Math.max(halfJump, levels.rho[n - 1]), step: hLast, kink: true },
      cleanLevels,
    };
  }
  if (cleanLevels === 1) {
    const M = Math.max(Math.abs(inc.f0), inc.accuracy / Number.EPSILON) / Math.max(1, Math.abs(inc.coordinate(i))) ** (base.order + 1);
    const errorBound = levels.rho[n - 1] + Math.abs(base.truncationConstant) * hLast ** base.order * M;
    return { result: { estimate: levels.D[n - 1], errorBound, step: hLast, kink: false }, cleanLevels };
  }
  return {
    result: { ...neville(base, levels.D.slice(firstClean), levels.rho.slice(firstClean), ratio), step: hLast, kink: false },
    cleanLevels,
  };
}

function evaluateLevels(grid: number[], coefs: number[], inc: Increments, i: number, steps: Float64Array): Levels {
  const n = steps.length,
    G = grid.length;
  const offsets = new Float64Array(n * G);
  for (let k = 0; k < n; k++) for (let g = 0; g < G; g++) offsets[k * G + g] = grid[g] * steps[k];
  const out = new Float64Array(n * G),
    kinks = new Uint8Array(n * G);
  const accuracy = inc.increments(i, offsets, out, kinks) ?? inc.accuracy;
  let sumAbs = 0;
  for (const c of coefs) sumAbs += Math.abs(c);
  const D = new Float64Array(n),
    rho = new Float64Array(n);
  let firstReportedClean = 0;
  for (let k = 0; k < n; k++) {
    let d = 0,
      kinked = false;
    for (let g = 0; g < G; g++) {
      d += coefs[g] * out[k * G + g];
      if (kinks[k * G + g]) kinked = true;
    }
    D[k] = d / steps[k];
    rho[k] = (sumAbs * accuracy) / steps[k];
    if (kinked) firstReportedClean = k + 1;
  }
  return { steps, G, out, D, rho, firstReportedClean, accuracy };
}

/**
 * A plain function cannot say where its kinks are; one shows in the second difference
 * s(h) = (f(x+h) + f(x−h) − 2f(x)) / h, which for smooth f is ≈ f''·h and so halves with h.
 * A level whose s is not about twice the next one's (beyond round-off) saw a kink.
 */
function firstCleanBySecondDifference(levels: Levels, p: number, m: number): number {
  const { steps, G, out, accuracy } = levels;
  const n = steps.length;
  const s = (k: number) => (out[k * G + p] + out[k * G + m]) / steps[k];
  const noise = (k: number) => (SECOND_DIFFERENCE_NOISE_FACTOR * 2 * accuracy) / steps[k];
  let firstClean = levels.firstReportedClean;
  const smallest = n - 1;
  if (smallest >= 1 && Math.abs(s(smallest)) > Math.max(KINK_SHRINK_RATIO * Math.abs(s(smallest - 1)), noise(smallest))) firstClean = n;
  for (let k = n - 2; k >= firstClean; k--) {
    const anomaly = Math.abs(s(k) - (steps[k] / steps[k + 1]) * s(k + 1));
    if (anomaly > KINK_ANOMALY_TOLERANCE * Math.abs(s(k)) + noise(k)) return k + 1;
  }
  return firstClean;
}

/** Neville tableau over the clean levels; column j removes the h^(q + (j−1)·stride) term. */
function neville(base: StencilMethod, D: Float64Array, rho: Float64Array, ratio: number): { estimate: number; errorBound: number } {
  const stride = base.symmetric ? 2 : 1;
  let prevT = D,
    prevRho = rho;
  let best = Infinity,
    bestValue = prevT[prevT.length - 1],
    bestRho = prevRho[prevRho.length - 1];
  for (let j = 1; j < prevT.length; j++) {
    const factor = ratio ** (base.order + (j - 1) * stride);
    const T = new Float64Array(prevT.length),
      R = new Float64Array(prevT.length);
    for (let k = j; k < prevT.length; k++) {
      T[k] = prevT[k] + (prevT[k] - prevT[k - 1]) / (factor - 1);
      R[k] = (prevRho[k] * factor + prevRho[k - 1]) / (factor - 1);
      const err = Math.max(Math.abs(T[k] - prevT[k]), Math.abs(T[k] - prevT[k - 1]));
      if (err + R[k] < best) {
        best = err + R[k];
        bestValue = T[k];
        bestRho = R[k];
      }
    }
    prevT = T;
    prevRho = R;
  }
  return { estimate: bestValue, errorBound: Math.max(best, bestRho) };
}
