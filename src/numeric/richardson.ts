import type { RichardsonMethod, StencilMethod } from "./FdMethod.ts";
import { centralFdm } from "./stencil.ts";

export interface RichardsonOptions {
  readonly levels?: number;
  readonly ratio?: number;
  readonly largestStep?: number;
  /**
   * Choose the number of levels per entry, at most `levels`: after three, add one at a time
   * until the a-posteriori bound is ≤ target·max(1, |estimate|) or stops halving. An entry
   * that stops after n levels gets exactly the estimate and bound of the same method with n
   * fixed levels, so the error model is unchanged; only the work follows the entry.
   */
  readonly target?: number;
}

/**
 * Richardson extrapolation of a stencil over steps h₀, h₀/r, h₀/r², …, choosing the tableau
 * entry whose a-posteriori error is smallest (Ridders' rule). The defaults reach the
 * round-off floor of smooth costs of order 1 with 2·levels evaluations per entry.
 */
export function richardson(base: StencilMethod = centralFdm(3), options: RichardsonOptions = {}): RichardsonMethod {
  const levels = options.levels ?? 6;
  const ratio = options.ratio ?? 2;
  const largestStep = options.largestStep ?? 2 ** -5;
  const target = options.target;
  if (levels < 2) throw new RangeError("Richardson extrapolation needs at least two levels");
  if (target !== undefined && !(target >= 0)) throw new RangeError(`Richardson's target must be a number ≥ 0, got ${target}`);
  if (target === undefined)
    return { kind: "richardson", name: `Richardson(${base.name}, ${levels} levels, ratio ${ratio})`, base, levels, ratio, largestStep };
  const name = `Richardson(${base.name}, 3 to ${levels} levels to a ${target.toExponential(0)} bound, ratio ${ratio})`;
  return { kind: "richardson", name, base, levels, ratio, largestStep, target };
}
