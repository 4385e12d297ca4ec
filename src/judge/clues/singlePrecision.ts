import type { Clue } from "./Clue.ts";
import type { Evidence } from "./Evidence.ts";

/**
 * Float32 keeps 24 bits: one rounding is off by up to 2⁻²⁴ ≈ 6e-8 relative. An answer computed
 * in single precision is off by about that on nearly every entry, and never by much more than
 * accumulated rounding (1e-4 relative to the gradient's scale). Float64 slips are either exact
 * or far larger.
 */
const float32Unit = 2 ** -24;
const largestSingleError = 1e-4;

export function singlePrecision(e: Evidence): Clue | undefined {
  let worst = 0;
  const typical: number[] = [];
  for (const s of e.samples) {
    const scale = Math.max(...Array.from(s.expected.grad, Math.abs), 1e-300);
    for (let k = 0; k < s.expected.grad.length; k++) {
      const rel = Math.abs(s.got.grad[k] - s.expected.grad[k]) / scale;
      if (!(rel <= largestSingleError)) return undefined;
      worst = Math.max(worst, rel);
      if (Math.abs(s.expected.grad[k]) > 1e-3 * scale)
        typical.push(Math.abs(s.got.grad[k] - s.expected.grad[k]) / Math.abs(s.expected.grad[k]));
    }
    const relJ = Math.abs(s.got.J - s.expected.J) / Math.abs(s.expected.J);
    if (!(relJ <= largestSingleError)) return undefined;
    typical.push(relJ);
  }
  typical.sort((x, y) => x - y);
  const median = typical[Math.floor(typical.length / 2)] ?? 0;
  // Most entries must carry a float32-sized error, not only a few.
  if (median < float32Unit / 64) return undefined;
  return {
    id: "single-precision",
    value: median,
    message: `every answer is off by about single-precision rounding: median relative error ${median.toExponential(1)}, largest ${worst.toExponential(1)} of the gradient's scale (float32 keeps ≈ 6e-8); compute in float64, or accept it with --precision float32`,
  };
}
