import type { CaseFinding } from "./CaseFinding.ts";
import { costAllowance } from "./caseTolerances.ts";
import type { LabelledCase } from "../network/labels.ts";
import { batchBackprop } from "../backprop/batch.ts";
import { rng } from "../numeric/random.ts";
import { randomUnitDirection } from "../numeric/index.ts";
import { roll, unroll } from "../network/theta.ts";
import { costFunction } from "../network/costFunction.ts";
import { directionalCheck, type DirectionResult } from "../check/index.ts";
import { settleCost } from "./settleCost.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { reluKinkWatch, type ReluKinkWatch } from "./reluKinkWatch.ts";
import { noiseBudget, noiseSafety } from "./costNoise.ts";
import { strayCost } from "./strayCost.ts";
import { kinkFreeProbe, type OwnCostProbe } from "./kinkFreeProbe.ts";

/**
 * (b) src/check's directional check, run on the submission's own J along one random unit
 * direction, or along a kink-free probe where that direction crosses a relu kink; not
 * differentiable here (no finding) when neither avoids the kink.
 */
export async function againstOwnCost(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  implementation: Implementation,
  tolerance: { rtol: number; atol: number },
): Promise<CaseFinding | undefined> {
  return (await ownCostVerdict(c, got, implementation, tolerance)).finding;
}

/** What (b) says on one case: its finding, if any, and whether it judged at all. */
export interface OwnCostVerdict {
  readonly finding?: CaseFinding;
  /** false when (b) has nothing to say: every line crossed a relu kink, or the quotient was too noisy */
  readonly decided: boolean;
  /** the line it looked along: the random direction, or the kink-free probe (kinkFreeProbe) */
  readonly probe: "random" | "kink-free";
}

export async function ownCostVerdict(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  implementation: Implementation,
  tolerance: { rtol: number; atol: number },
): Promise<OwnCostVerdict> {
  const theta = unroll(c.theta);
  const { first, kinks, probe, name } = await firstLook(c, got.grad, theta, implementation, tolerance);
  if (!first.ok)
    return {
      finding: { problem: first.outcome.kind, check: "b", message: `on a point near Θ (self-consistency probe): ${first.outcome.message}` },
      decided: true,
      probe: name,
    };
  // A J right at Θ but off at one of (b)'s points (the difference quotient may drop it as an outlier).
  const exactAtTheta = costFunction(c, c.theta);
  if (Math.abs(got.J - exactAtTheta) <= costAllowance(exactAtTheta)) {
    const stray = await strayCost(c, first.answers, implementation);
    if (stray) return { finding: stray, decided: true, probe: name };
  }
  let { check } = first,
    noted = "";
  // A J that rounds noisily (a naive log near saturation) gets the noise its own answers show.
  const fAccuracy = check.passed || kinks.crossed() ? undefined : noiseBudget(c, theta, got.J, first.answers);
  if (fAccuracy !== undefined) {
    const again = await directionalOnOwnCost(c, got.grad, theta, implementation, tolerance, kinks, probe, fAccuracy);
    if (again.ok)
      [check, noted] = [again.check, `, J's own rounding noise ${(fAccuracy / noiseSafety).toExponential(2)} taken as its accuracy`];
  }
  const d = check.directions[0];
  // Across a relu kink the difference quotient is no derivative: (b) has nothing to say on this
  // case, while (a) still holds every entry to gradcheck's gradient, so no bug passes for it.
  // Too noisy to decide (the finite-difference error above the cap) is no finding either: (a) judges every entry.
  if (kinks.crossed() || d.verdict === "undecided") return { decided: false, probe: name };
  if (d.verdict === "pass") return { decided: true, probe: name };
  if (!finiteDifferencesHold(c, theta, tolerance, probe)) return { decided: false, probe: name };
  return { finding: selfInconsistent(d, `${check.formula}${noted}`, name), decided: true, probe: name };
}

/** (b)'s finding: the direction's slope by the submission's grad against its own J's. */
function selfInconsistent(d: DirectionResult, formula: string, probe: OwnCostVerdict["probe"]): CaseFinding {
  return {
    problem: "self-inconsistent",
    check: "b",
    expected: d.expected,
    actual: d.actual,
    message: `along ${probe === "random" ? "a random unit direction v" : "a unit direction v clear of relu kinks"}, grad·v = ${d.actual} but finite differences of the submission's own J give ${d.expected} (off by ${d.absError.toExponential(2)}; tolerance ${d.tolerance.toExponential(2)} from ${formula})`,
  };
}

/**
 * (b)'s first look along the random direction; where its points cross a relu kink, a second
 * along the kink-free probe, when the case has one.
 */
async function firstLook(
  c: LabelledCase,
  grad: Float64Array,
  theta: Float64Array,
  implementation: Implementation,
  tolerance: { rtol: number; atol: number },
) {
  const random = directionOf(c, theta);
  const watch = reluKinkWatch(c, theta);
  const first = await directionalOnOwnCost(c, grad, theta, implementation, tolerance, watch, random);
  const free = first.ok && watch.crossed() ? kinkFreeProbe(c, theta, random) : undefined;
  if (!free) return { first, kinks: watch, probe: random, name: "random" as const };
  const kinks = reluKinkWatch(c, theta);
  const second = await directionalOnOwnCost(c, grad, theta, implementation, tolerance, kinks, free);
  return { first: second, kinks, probe: free, name: "kink-free" as const };
}

/**
 * The control of (b): gradcheck's own J and gradient, along the same direction with the same
 * steps. Where J curves on a scale far below the step (an output's z in the tens of thousands,
 * where a step sized to the weights moves z by hundreds), the difference quotient of even the
 * exact J misses its own error bound: (b) cannot judge that case, for anyone, and says nothing,
 * while (a) still judges every entry.
 */
function finiteDifferencesHold(
  c: LabelledCase,
  theta: Float64Array,
  tolerance: { rtol: number; atol: number },
  probe: OwnCostProbe,
): boolean {
  const exact = directionalCheck((x) => costFunction(c, roll(x, c.layerSizes)), unroll(batchBackprop(c, c.theta).grad), theta, {
    ...optionsOf(probe),
    tolerance: { ...tolerance },
  });
  return exact.passed;
}

/** (b)'s direction and step scale for a case: the same on every call, so the control repeats them exactly. */
function directionOf(c: LabelledCase, theta: Float64Array): OwnCostProbe {
  return { along: randomUnitDirection(theta.length, rng(theta.length * 7919 + c.X.rows)), stepScale: weightScaleOf(c) };
}

function optionsOf(probe: OwnCostProbe) {
  return { along: [probe.along], stepScale: probe.stepScale, ...(probe.method ? { method: probe.method } : {}) };
}

/** (b) once, its points of J settled: the check, and J at every point it used. */
async function directionalOnOwnCost(
  c: LabelledCase,
  grad: Float64Array,
  theta: Float64Array,
  implementation: Implementation,
  tolerance: { rtol: number; atol: number },
  kinks: ReluKinkWatch,
  probe: OwnCostProbe,
  fAccuracy?: number,
) {
  const answers = new Map<Float64Array, number>();
  const settled = await settleCost(c, implementation, (J) => {
    answers.clear();
    const noted = (x: Float64Array) => {
      const v = J(x);
      answers.set(Float64Array.from(x), v);
      return v;
    };
    return directionalCheck(kinks.J(noted), grad, theta, {
      ...optionsOf(probe),
      tolerance: { ...tolerance },
      ...(fAccuracy !== undefined ? { fAccuracy } : {}),
    });
  });
  return settled.ok ? { ok: true as const, check: settled.value, answers } : settled;
}

/**
 * The step of (b) is sized to the weights, not the biases: a bias only shifts z, and the
 * overflow regime's output biases of 800 (a shift that leaves J unchanged) would otherwise
 * stretch the step across everything that curves J.
 */
function weightScaleOf(c: LabelledCase): number {
  let max = 1;
  for (const T of c.theta) for (let q = 0; q < T.data.length; q++) if (q % T.cols !== 0) max = Math.max(max, Math.abs(T.data[q]));
  return max;
}
