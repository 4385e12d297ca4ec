/**
 * The one thing finite differences need from a function: how much f changes when
 * coordinate i moves by t. Working with increments instead of values lets a caller that can
 * compute f(x + t·e_i) − f(x) directly (as a sum of small per-term changes, say) avoid the
 * cancellation of subtracting two large totals, and share work between the offsets.
 */
export interface Increments {
  /** number of coordinates */
  readonly n: number;
  /** f(x) */
  readonly f0: number;
  /** absolute round-off error of one increment */
  readonly accuracy: number;
  /** x_i, which scales the step */
  coordinate(i: number): number;
  /**
   * out[k] = f(x + offsets[k]·e_i) − f(x). kinks[k] = 1 when the move crosses a point where f
   * is not differentiable, when the implementation can tell (it may leave kinks at 0).
   * May return the absolute round-off of these particular increments when it can bound it
   * better than `accuracy` (e.g. 0 when nothing the entry touches changes).
   */
  increments(i: number, offsets: Float64Array, out: Float64Array, kinks: Uint8Array): number | void;
}

export type ScalarFunction = (x: Float64Array) => number;

/** Default round-off of one evaluation of f, relative to |f(x)|: a few ulps of a careful sum. */
export const defaultRelativeAccuracy = 8 * Number.EPSILON;

/**
 * Increments of a plain function. f sees a private copy of x, never x itself; each
 * perturbed entry is put back from its saved value in `finally` (restoring, not subtracting
 * the step, so the copy is bit-for-bit x again even if f throws).
 */
export function incrementsOf(f: ScalarFunction, x: ArrayLike<number>, fAccuracy?: number): Increments {
  const w = Float64Array.from(x);
  const f0 = f(w);
  const accuracy = fAccuracy ?? defaultRelativeAccuracy * Math.max(Math.abs(f0), Number.MIN_VALUE);
  return {
    n: w.length,
    f0,
    accuracy,
    coordinate: (i) => w[i],
    increments(i, offsets, out) {
      const saved = w[i];
      try {
        for (let k = 0; k < offsets.length; k++) {
          w[i] = saved + offsets[k];
          out[k] = f(w) - f0;
          w[i] = saved;
        }
      } finally {
        w[i] = saved;
      }
    },
  };
}
