import type { RichardsonMethod, StencilMethod } from "./FdMethod.ts";
import { centralFdm } from "./stencil.ts";

export interface RichardsonOptions {
  readonly levels?: number;
  readonly ratio?: number;
  readonly largestStep?: number;
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
  if (levels < 2) throw new RangeError("Richardson extrapolation needs at least two levels");
  return { kind: "richardson", name: `Richardson(${base.name}, ${levels} levels, ratio ${ratio})`, base, levels, ratio, largestStep };
}
