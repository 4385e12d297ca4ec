import { defaultCap, defaultTolerance, type Tolerance } from "./Tolerance.ts";

/** The floating-point precision a function computes in. */
export type Precision = "float64" | "float32";

/**
 * The floors per precision, as JAX's check_grads picks its gradient tolerance per dtype
 * (2e-3 for float32) and PyTorch's gradcheck its atol (1e-5): a float32 gradient is summed in
 * 24 bits, so agreement beyond about 1e-3 relative cannot be asked of it.
 */
export const precisionTolerance: Readonly<Record<Precision, Tolerance>> = {
  float64: defaultTolerance,
  float32: { safety: 4, rtol: 2e-3, atol: 1e-5, cap: defaultCap },
};

/** The relative round-off of one rounding: 2⁻⁵³ and 2⁻²⁴. */
export const unitRoundoff: Readonly<Record<Precision, number>> = { float64: 2 ** -53, float32: 2 ** -24 };

/**
 * Above this relative noise (σ/|f|) a function is taken to compute in single precision: float64
 * sums show 1e-16…1e-14, float32 ones 1e-8 and up; 1e-11 sits far from both.
 */
export const float32NoiseThreshold = 1e-11;

/**
 * With a fixed step the comparison is PyTorch's gradcheck's: |a − n| ≤ atol + rtol·|n| with
 * its defaults, the finite-difference error reported beside the entry rather than added.
 */
export const fixedStepTolerance: Tolerance = { safety: 0, rtol: 1e-3, atol: 1e-5, cap: defaultCap };

/** What a check assumed about f's precision, and what it measured. */
export interface PrecisionReport {
  /** the precision whose steps and tolerances were used */
  readonly used: Precision;
  /** how it was chosen: the caller's `precision` option, or measured ("auto", the default) */
  readonly chosenBy: "option" | "measured";
  /** the measured noise of one evaluation relative to |f| (null when f barely moved along the probe) */
  readonly relativeNoise: number | null;
}

/** The precision the measured noise says f computes in. */
export function precisionOfNoise(relativeNoise: number | null): Precision {
  return relativeNoise !== null && relativeNoise > float32NoiseThreshold ? "float32" : "float64";
}
