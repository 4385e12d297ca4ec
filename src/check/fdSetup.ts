import { defaultRelativeAccuracy, measureNoise, type FdOptions, type ScalarFunction } from "../numeric/index.ts";
import type { GradientCheckOptions } from "./GradientCheckOptions.ts";
import { fdOptionsOf } from "./fdOptionsOf.ts";
import {
  fixedStepTolerance,
  precisionOfNoise,
  precisionTolerance,
  unitRoundoff,
  type Precision,
  type PrecisionReport,
} from "./precision.ts";
import type { Tolerance } from "./Tolerance.ts";

/** How the finite differences of one check are set up: steps, the tolerance, and what was assumed of f. */
export interface FdSetup {
  readonly fd: FdOptions;
  readonly tolerance: Tolerance;
  readonly precision: PrecisionReport;
}

/**
 * One evaluation's error is taken as 4σ of the measured noise (an increment is the difference
 * of two noisy values: √2·σ, with margin), and never below the precision's own rounding.
 */
const NOISE_SAFETY = 4;

/**
 * Measures f's noise near x and picks, from the stated or measured precision, the tolerance and
 * the accuracy the steps are sized to: a float32 f gets float32's floors and a round-off model
 * that its own rounding does not pass for a kink. The caller's tolerance and fAccuracy win.
 */
export function fdSetupOf(f: ScalarFunction, x: ArrayLike<number>, fx: number, options: GradientCheckOptions): FdSetup {
  const noise = measureNoise(f, x);
  const stated = options.precision ?? "auto";
  const used = stated === "auto" ? precisionOfNoise(noise.relative) : stated;
  const precision: PrecisionReport = { used, chosenBy: stated === "auto" ? "measured" : "option", relativeNoise: noise.relative };
  const fAccuracy = Math.max(
    defaultRelativeAccuracy * Math.abs(fx),
    NOISE_SAFETY * (noise.absolute ?? 0),
    used === "float32" ? NOISE_SAFETY * unitRoundoff.float32 * Math.abs(fx) : 0,
    Number.MIN_VALUE,
  );
  const fd = fdOptionsOf(options);
  return { fd: { fAccuracy, ...fd }, tolerance: toleranceFor(options, used), precision };
}

/** The tolerance a check's options ask for: PyTorch's atol/rtol with a fixed eps, else the precision's floors; the caller's own win. */
export function toleranceFor(options: GradientCheckOptions, precision: Precision = "float64"): Tolerance {
  const base = options.eps === undefined ? precisionTolerance[precision] : fixedStepTolerance;
  return { ...base, ...options.tolerance };
}
