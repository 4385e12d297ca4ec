import type { LabelledCase } from "../network/labels.ts";
import { thetaOffsets } from "../network/theta.ts";
import { centralFdm, powerOfTwoBelow, richardson, type FdMethod } from "../numeric/index.ts";
import { signsAt } from "./reluKinkWatch.ts";
import { kinkKind, reluKinkUnits } from "./reluRoundingKinks.ts";

/** Where (b) looks: one unit direction, the scale its step is sized to, and the method (default Richardson). */
export interface OwnCostProbe {
  readonly along: Float64Array;
  readonly stepScale: number;
  readonly method?: FdMethod;
}

/** Richardson's levels: its points lie at ±h₀·2⁻ᵏ, k = 0 … levels − 1 (the default method's grid). */
const levels = 6;
/** Halvings of h₀ tried before giving up: 2⁻²⁴ of the default step leaves a quotient still well above J's rounding. */
const maxHalvings = 24;

/**
 * (b) along a line on which the submission's J is smooth, where the random direction crossed a
 * relu kink; undefined when there is none to be had (a z that is 0 only up to round-off).
 *
 * A hidden relu unit at its kink (z = 0 in every summation order, or 0 up to round-off:
 * reluKinkUnits) has no derivative, so the direction leaves alone the rows of Θ that feed it:
 * along the rest, that z is computed from the same numbers at every point (for a first hidden
 * layer, or above units held the same way), relu'(0) multiplies a zero tangent, and gᵀv is the
 * same for every relu'(0) in [0, 1]. The entries it reaches are judged by (a) alone, against
 * both one-sided derivatives. A unit merely near its kink is not crossed if the step is small
 * enough: h₀ is halved until no point of the difference quotient flips the sign of any hidden z,
 * as gradcheck's own forward pass sees it. A unit that still moves across (a unit at its kink
 * fed by moving ones) leaves (b) without a verdict, as before.
 */
export function kinkFreeProbe(c: LabelledCase, theta: Float64Array, probe: OwnCostProbe): OwnCostProbe | undefined {
  const along = awayFromKinks(c, probe.along);
  if (!along) return undefined;
  const base = signsAt(c, theta);
  // h₀ = powerOfTwoBelow(largestStep·reach) may round to h/2: the points down to h·2⁻ˡᵉᵛᵉˡˢ are checked
  const keepsSigns = (h: number) => {
    for (let k = 0; k <= levels; k++)
      for (const t of [h * 2 ** -k, -h * 2 ** -k]) {
        const signs = signsAt(
          c,
          theta.map((x, q) => x + t * along[q]),
        );
        if (signs.some((s, u) => s !== base[u])) return false;
      }
    return true;
  };
  const reach = Math.max(1, probe.stepScale);
  let h = powerOfTwoBelow(defaultLargestStep * reach);
  for (let halving = 0; halving <= maxHalvings; halving++, h /= 2) {
    if (keepsSigns(h)) return { along, stepScale: probe.stepScale, method: richardson(centralFdm(3), { levels, largestStep: h / reach }) };
  }
  return undefined;
}

/** The default method's largest step, relative to the step scale (richardson()'s 2⁻⁵). */
const defaultLargestStep = 2 ** -5;

/** v with the rows of Θ that feed a unit at its kink (exactly, or up to round-off) set to 0, renormalised; undefined when nothing is left. */
function awayFromKinks(c: LabelledCase, v: Float64Array): Float64Array | undefined {
  const kinds = reluKinkUnits(c);
  if (!kinds) return v;
  const offsets = thetaOffsets(c.layerSizes);
  const along = Float64Array.from(v);
  for (let l = 1; l < kinds.length; l++) {
    const sOut = c.layerSizes[l]!,
      cols = c.layerSizes[l - 1]! + 1;
    kinds[l]!.forEach((kind, q) => {
      const i = q % sOut;
      if (kind !== kinkKind.none) along.fill(0, offsets[l - 1]! + i * cols, offsets[l - 1]! + (i + 1) * cols);
    });
  }
  let norm = 0;
  for (const x of along) norm += x * x;
  norm = Math.sqrt(norm);
  return norm > 0 ? along.map((x) => x / norm) : undefined;
}
