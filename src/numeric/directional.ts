import type { FdMethod } from "./FdMethod.ts";
import type { Estimate } from "./Estimate.ts";
import { defaultRelativeAccuracy, type ScalarFunction } from "./Increments.ts";
import { estimateEntry } from "./estimateEntry.ts";
import { defaultFdMethod } from "./fdGradient.ts";
import { gaussian, type Rng } from "./random.ts";

/**
 * A uniformly random unit vector (normalised Gaussian draws). Random directions, not
 * all-ones: an all-ones tangent sums the gradient and hides transposed or permuted entries.
 */
export function randomUnitDirection(n: number, random: Rng): Float64Array {
  const v = new Float64Array(n);
  let norm = 0;
  do {
    norm = 0;
    for (let i = 0; i < n; i++) {
      v[i] = gaussian(random);
      norm += v[i] * v[i];
    }
  } while (norm === 0);
  norm = Math.sqrt(norm);
  for (let i = 0; i < n; i++) v[i] /= norm;
  return v;
}

export interface DirectionalDerivativeOptions {
  readonly method?: FdMethod;
  readonly fAccuracy?: number;
  /** the scale of x the step is sized to (default max(1, ‖x‖∞)); a caller that knows one huge coordinate is an additive offset may give a smaller one */
  readonly scale?: number;
}

/**
 * d/dt f(x + t·v) at t = 0 in O(1) evaluations of f (Richardson by default: 13), whatever
 * the dimension. f sees a work copy; x is never modified. The step is scaled by
 * max(1, ‖x‖∞), since each coordinate moves by at most t; rounding x_q + t·v_q moves the
 * point slightly off the line, which the round-off model covers by taking f's accuracy as
 * 8ε·|f(x)|·√n rather than 8ε·|f(x)|.
 */
export function directionalDerivative(
  f: ScalarFunction,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options: DirectionalDerivativeOptions = {},
): Estimate {
  if (v.length !== x.length) throw new RangeError(`direction has ${v.length} entries, the point ${x.length}`);
  const base = Float64Array.from(x),
    dir = Float64Array.from(v),
    w = Float64Array.from(x);
  const f0 = f(w);
  let xMax = 0;
  for (const q of base) xMax = Math.max(xMax, Math.abs(q));
  const accuracy = options.fAccuracy ?? defaultRelativeAccuracy * Math.max(Math.abs(f0), Number.MIN_VALUE) * Math.sqrt(base.length);
  return estimateEntry(
    options.method ?? defaultFdMethod,
    {
      n: 1,
      f0,
      accuracy,
      coordinate: () => options.scale ?? xMax,
      increments(_i, offsets, out) {
        for (let k = 0; k < offsets.length; k++) {
          const t = offsets[k];
          for (let q = 0; q < w.length; q++) w[q] = base[q] + t * dir[q];
          out[k] = f(w) - f0;
        }
      },
    },
    0,
  );
}
