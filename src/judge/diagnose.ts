import { oneHotRows, type LabelledCase } from "../network/labels.ts";
import { fromRows, matrix } from "../linalg/Matrix.ts";
import { mistakeInfo, mistakesFor, nnCostFunctionWith, type Family, type MistakeId, type NnCostFunction } from "../mistakes/index.ts";
import { rng } from "../numeric/random.ts";
import { thetaShapes } from "../network/theta.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { defaultAssignment, outputOf, type Assignment } from "./Assignment.ts";
import { agreement } from "./caseTolerances.ts";
import { requestOf } from "./requestOf.ts";
import { naiveLogError } from "./unstableCost.ts";

function battery(layerSizes: number[], labels: number[], lambda: number, seed: number, a: Assignment = defaultAssignment): LabelledCase {
  const random = rng(seed);
  const K = layerSizes[layerSizes.length - 1],
    m = labels.length;
  const X = labels.map(() => Array.from({ length: layerSizes[0] }, () => Math.round((4 * random() - 2) * 10) / 10));
  return {
    name: `diagnostic-[${layerSizes}]`,
    layerSizes,
    hiddenActivation: a.hiddenActivation,
    ...outputOf(a.output),
    lambda,
    X: fromRows(X),
    Y: matrix(
      m,
      K,
      oneHotRows(
        labels.map((c) => c % (K === 1 ? 2 : K)),
        K,
      ),
    ),
    labels: labels.map((c) => c % (K === 1 ? 2 : K)),
    theta: thetaShapes(layerSizes).map(([r, c]) =>
      matrix(
        r,
        c,
        Array.from({ length: r * c }, () => Math.round((2 * random() - 1) * 10) / 10),
      ),
    ),
  };
}

/**
 * Fixed cases on which the catalogued mistakes all differ from each other: two hidden layers
 * (so every hidden-δ slip shows), m ≥ 2 and λ > 0 (so the 1/m slips show), K = 1 and K = 3.
 */
export const diagnosticCases: readonly LabelledCase[] = [
  battery([3, 4, 3], [0, 1, 2, 1, 0], 1, 11),
  battery([2, 3, 3, 2], [1, 0, 1, 1], 0.7, 12),
  battery([3, 2, 1], [1, 0, 1], 2, 13),
];

/**
 * The diagnostic cases within an assignment's shapes: as close to the default three as its
 * ranges of hidden layers, K and λ allow (λ > 0 where it has one, so the 1/m slips show).
 */
export function diagnosticCasesFor(a: Assignment | undefined): readonly LabelledCase[] {
  if (!a) return diagnosticCases;
  const clamp = (v: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, v));
  const lambdaNear = (v: number) => (a.lambdas.includes(v) ? v : Math.max(...a.lambdas));
  const sizes = (s1: number, hidden: number, width: number, K: number) => [
    s1,
    ...Array<number>(clamp(hidden, a.hiddenLayers)).fill(width),
    clamp(K, a.classes),
  ];
  return [
    battery(sizes(3, 1, 4, 3), [0, 1, 2, 1, 0], lambdaNear(1), 11, a),
    battery(sizes(2, 2, 3, 2), [1, 0, 1, 1], lambdaNear(0.7), 12, a),
    battery(sizes(3, 1, 2, 1), [1, 0, 1], lambdaNear(2), 13, a),
  ];
}

/**
 * Whether a non-finite answer can be one of the family's catalogued mistakes: only a softmax
 * output has one (softmax-without-max-shift); elsewhere NaN or ∞ says nothing more than itself.
 */
export function diagnosesNonFinite(diagnostic: readonly LabelledCase[]): boolean {
  return diagnostic[0].outputActivation === "softmax";
}

/**
 * Which catalogued mistakes reproduce the submission's answers: each mistake runs on the
 * counterexample and the diagnostic cases, and matches when its J and grad agree with the
 * submission's everywhere. When no single mistake fits, pairs of mistakes that touch
 * different parts of the algorithm are tried together. An empty list means unrecognised.
 * Where a naive log is allowed (`allowUnstableCost`), a J that came out infinite, or off by no
 * more than a naive log's rounding where outputs saturate, says nothing about the mistake (the
 * log of a saturated output did it), so there the gradient alone decides.
 */
export async function diagnose(
  implementation: Implementation,
  counterexample: LabelledCase | undefined,
  diagnostic: readonly LabelledCase[] = diagnosticCases,
  options: { readonly allowUnstableCost?: boolean } = {},
): Promise<MistakeId[]> {
  const family: Family = {
    hiddenActivation: diagnostic[0].hiddenActivation,
    outputActivation: diagnostic[0].outputActivation,
    cost: diagnostic[0].cost,
  };
  const known = mistakesFor(family);
  const cases = counterexample ? [counterexample, ...diagnostic] : [...diagnostic];
  const answers = await submittedAnswers(implementation, cases);
  if (!answers) return [];
  const correct: Array<{ J: number; grad: ArrayLike<number> }> = [];
  for (const c of cases) correct.push(await answerOf(nnCostFunctionWith({}, family), c));
  const reproduces = reproducer(cases, answers, correct, options.allowUnstableCost === true);
  const single: MistakeId[] = [];
  for (const [id, fn] of known) if (await reproduces(fn)) single.push(id);
  if (single.length > 0) return single;
  return reproducingPair([...known.keys()], family, reproduces);
}

/** The submission's answers on every case, or undefined when one is not a result (nothing to match). */
async function submittedAnswers(implementation: Implementation, cases: readonly LabelledCase[]) {
  const answers: Array<{ J: number; grad: Float64Array }> = [];
  for (const c of cases) {
    const o = await implementation.call(requestOf(c));
    if (o.kind !== "result") return undefined;
    answers.push(o);
  }
  return answers;
}

/**
 * Whether a cost function reproduces the submission's answers. A mistake is told apart only
 * where its answer is not the right one: at λ = 0 every regulariser slip is right, at K = 1
 * one-hot labels change nothing. Matching the submission there says nothing, so a mistake is
 * named only if it differs from the right answer on some case it reproduces — the
 * counterexample first, then the diagnostic cases.
 */
function reproducer(
  cases: readonly LabelledCase[],
  answers: readonly { J: number; grad: Float64Array }[],
  correct: readonly { J: number; grad: ArrayLike<number> }[],
  allowUnstableCost: boolean,
): (fn: NnCostFunction) => Promise<boolean> {
  return async (fn) => {
    let toldApart = false;
    for (let k = 0; k < cases.length; k++) {
      const mine = await answerOf(fn, cases[k]);
      const hiddenByNaiveLog =
        allowUnstableCost &&
        Number.isFinite(mine.J) &&
        (!Number.isFinite(answers[k].J) || Math.abs(answers[k].J - mine.J) <= naiveLogError(cases[k]).bound);
      if ((!hiddenByNaiveLog && !close(mine.J, answers[k].J)) || !sameGradient(answers[k].grad, mine.grad)) return false;
      toldApart ||= !close(mine.J, correct[k].J) || !sameGradient(correct[k].grad, mine.grad);
    }
    return toldApart;
  };
}

/** The first pair of mistakes that touch different parts of the algorithm and together reproduce the answers. */
async function reproducingPair(
  ids: readonly MistakeId[],
  family: Family,
  reproduces: (fn: NnCostFunction) => Promise<boolean>,
): Promise<MistakeId[]> {
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = mistakeInfo[ids[i]].slips,
        b = mistakeInfo[ids[j]].slips;
      if (Object.keys(a).some((key) => key in b)) continue;
      if (await reproduces(nnCostFunctionWith({ ...a, ...b }, family))) return [ids[i], ids[j]];
    }
  }
  return [];
}

async function answerOf(fn: NnCostFunction, c: LabelledCase): Promise<{ J: number; grad: ArrayLike<number> }> {
  const r = requestOf(c);
  return fn(
    Float64Array.from(r.params),
    r.layerSizes.slice(),
    r.X.map((x) => x.slice()),
    r.y.slice(),
    r.lambda,
  );
}

function sameGradient(expected: ArrayLike<number>, actual: ArrayLike<number>): boolean {
  if (expected.length !== actual.length) return false;
  for (let p = 0; p < actual.length; p++) if (!close(expected[p], actual[p])) return false;
  return true;
}

function close(actual: number, expected: number): boolean {
  // A mistake that overflows (softmax without the max-shift) is recognised by where its answer is not finite.
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return !Number.isFinite(actual) && !Number.isFinite(expected);
  return Math.abs(actual - expected) <= 10 * (agreement.atol + agreement.rtol * Math.abs(expected));
}
