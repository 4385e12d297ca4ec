import type { StencilMethod } from "./FdMethod.ts";
import type { Increments } from "./Increments.ts";
import { centralFdm } from "./stencil.ts";

export interface StepPoint {
  readonly step: number;
  readonly estimate: number;
}

/**
 * Powers of two from 2⁻³ down to 2⁻³⁰, every third: wide enough to show both arms of the V —
 * truncation (error ∝ h²) on the right, round-off (∝ ε/h) on the left — for costs of order 1.
 */
export const sweepSteps: readonly number[] = Array.from({ length: 10 }, (_, k) => 2 ** -(3 + 3 * k));

/**
 * The stencil's estimate of ∂f/∂x_i at each step, unextrapolated: the data of the
 * error-versus-step plot. Points the stencil weights by 0 are not evaluated, so the central
 * 3-point stencil costs two evaluations per step.
 */
export function stepSweep(
  inc: Increments,
  i: number,
  steps: readonly number[] = sweepSteps,
  method: StencilMethod = centralFdm(3),
): StepPoint[] {
  const used = method.grid.map((g, k) => ({ g, c: method.coefs[k]! })).filter((p) => p.c !== 0);
  const out = new Float64Array(used.length),
    kinks = new Uint8Array(used.length);
  return steps.map((step) => {
    inc.increments(
      i,
      Float64Array.from(used, (p) => p.g * step),
      out,
      kinks,
    );
    let sum = 0;
    for (let k = 0; k < used.length; k++) sum += used[k]!.c * out[k]!;
    return { step, estimate: sum / step };
  });
}
