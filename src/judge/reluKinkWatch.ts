import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import { roll } from "../network/theta.ts";
import type { ScalarFunction } from "../numeric/index.ts";

/**
 * Which points of a finite difference over the submission's own J cross a relu kink. relu has
 * no derivative at z = 0: a difference quotient whose points put a hidden unit's z on both
 * sides of 0 averages two slopes and says nothing about the submission, right or wrong. The
 * kink is a property of the case, not of the submission, so gradcheck finds it with its own
 * forward pass: at every point J is asked at, the signs of the hidden relu units' z (z > 0,
 * relu'(0) = 0) are compared with those at the case's Θ.
 */
export interface ReluKinkWatch {
  /** J, unchanged, noting every point it is asked at */
  readonly J: (J: ScalarFunction) => ScalarFunction;
  /** some point moved a hidden relu unit across z = 0 */
  crossed(): boolean;
  /** per parameter: 1 when a point perturbing that parameter alone crossed a kink (for compareGradients' `kink`) */
  readonly kinks: Uint8Array;
}

export function reluKinkWatch(c: LabelledCase, theta: Float64Array): ReluKinkWatch {
  const kinks = new Uint8Array(theta.length);
  const L = c.layerSizes.length;
  if (c.hiddenActivation !== "relu" || L < 3) return { J: (J) => J, crossed: () => false, kinks };
  const base = signsAt(c, theta);
  let crossed = false;
  const seen = new Set<string>();
  const note = (x: Float64Array) => {
    const key = Array.prototype.join.call(x, ",");
    if (seen.has(key)) return;
    seen.add(key);
    const signs = signsAt(c, x);
    if (signs.every((s, q) => s === base[q])) return;
    crossed = true;
    let moved = -1;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === theta[i]) continue;
      if (moved >= 0) return;
      moved = i;
    }
    if (moved >= 0) kinks[moved] = 1;
  };
  return {
    J: (J) => (x) => {
      note(x);
      return J(x);
    },
    crossed: () => crossed,
    kinks,
  };
}

/** z > 0 for every hidden unit of every example, layer after layer. */
export function signsAt(c: LabelledCase, x: ArrayLike<number>): Uint8Array {
  const { z } = forward(c, roll(x, c.layerSizes), c.X);
  const hidden = z.slice(1, -1);
  const signs = new Uint8Array(hidden.reduce((n, Z) => n + Z.data.length, 0));
  let q = 0;
  for (const Z of hidden) for (const v of Z.data) signs[q++] = v > 0 ? 1 : 0;
  return signs;
}
