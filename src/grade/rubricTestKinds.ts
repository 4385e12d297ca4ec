import type { CaseFinding } from "../judge/CaseFinding.ts";
import type { AnswerParts } from "../judge/answerChange.ts";
import { costMismatch, gradientMismatch, slopeMismatch } from "../judge/judgeAnswer.ts";
import { matrix } from "../linalg/Matrix.ts";
import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { costFinding } from "./costFinding.ts";
import { testKindInfo, type TestKind } from "./Rubric.ts";

export type Answer = { J: number; grad: Float64Array };
/** What failed on one network: the finding, the call it was made at, and what was answered. */
export type Step = { finding: CaseFinding; c: LabelledCase; reference: CostAndGradient; submitted?: Answer } | undefined;
/** unstable: J or ∂J/∂Θ was not finite only where outputs saturate, and got holds gradcheck's values there */
export type Asked = { x: LabelledCase; got: Answer; reference: CostAndGradient; unstable?: true };

/** What a kind's judgement is given: the network, a way to ask the submission at a variant of it, and the submission. */
export interface KindContext {
  readonly c: LabelledCase;
  ask(x: LabelledCase): Promise<{ step: Step } | Asked>;
  readonly implementation: Implementation;
  /** the assignment accepts a naive log's J where outputs saturate */
  readonly allowUnstableCost: boolean;
}

/**
 * One kind of rubric test: what it checks in words, which parts of an answer it grades, what it
 * asks between the first call and its repeat (the state check compares only what the test
 * grades, so a gradient kept between calls costs the gradient's tests and a cost kept between
 * calls the cost's), and its judgement on one network.
 */
export interface RubricTestKind {
  readonly describe: string;
  readonly parts: AnswerParts;
  readonly between: string;
  judge(context: KindContext): Promise<Step>;
}

/** The rubric's test kinds, one record each: a new kind of test is a new row. */
export const rubricTestKinds: Readonly<Record<TestKind, RubricTestKind>> = {
  "answers-in-shape": {
    describe: testKindInfo["answers-in-shape"],
    parts: "both",
    between: "one after the other",
    judge: async ({ c, ask }) => {
      const r = await ask(c);
      return "step" in r ? r.step : undefined;
    },
  },
  "cost-lambda0": {
    describe: testKindInfo["cost-lambda0"],
    parts: "J",
    between: "one after the other",
    judge: async (context) => {
      const r = await context.ask(atLambda(context.c, 0));
      return "step" in r ? r.step : costOf(r, false, context.allowUnstableCost);
    },
  },
  "cost-regularizer": {
    describe: testKindInfo["cost-regularizer"],
    parts: "J",
    between: "with λ = 0 in between",
    judge: (context) => regulariser(context, "cost"),
  },
  "gradient-lambda0": {
    describe: testKindInfo["gradient-lambda0"],
    parts: "grad",
    between: "one after the other",
    judge: async ({ c, ask }) => {
      const r = await ask(atLambda(c, 0));
      return "step" in r ? r.step : gradientOf(r);
    },
  },
  "gradient-regularizer": {
    describe: testKindInfo["gradient-regularizer"],
    parts: "grad",
    between: "with λ = 0 in between",
    judge: (context) => regulariser(context, "gradient"),
  },
  "self-consistency": {
    describe: testKindInfo["self-consistency"],
    parts: "both",
    between: "with points near it in between",
    judge: async ({ c, ask, implementation }) => {
      const r = await ask(c);
      if ("step" in r) return r.step;
      // A NaN or ∞ J has no slope to compare: the cost's tests charge it, as check's (b) skips it;
      // nor has a J that is infinite where outputs saturate.
      if (!Number.isFinite(r.got.J) || r.unstable) return undefined;
      return stepOf(r, await slopeMismatch(c, r.got, implementation));
    },
  },
  "stable-cost": {
    describe: testKindInfo["stable-cost"],
    parts: "J",
    between: "one after the other",
    judge: async ({ c, ask, allowUnstableCost }) => {
      const r = await ask(c);
      return "step" in r ? r.step : costOf(r, true, allowUnstableCost);
    },
  },
};

const atLambda = (c: LabelledCase, lambda: number): LabelledCase => ({ ...c, lambda });

function stepOf(r: Asked, finding: CaseFinding | undefined, label = ""): Step {
  return finding && { finding: { ...finding, message: label + finding.message }, c: r.x, reference: r.reference, submitted: r.got };
}

function gradientOf(r: Asked, label = ""): Step {
  return stepOf(r, gradientMismatch(r.x, r.got, r.reference), label);
}

/** The cost's finding: a naive log's error is judged only by the stable-cost test. */
function costOf(r: Asked, judged: boolean, allowed: boolean): Step {
  return stepOf(r, costFinding(r.x, r.got, r.reference, { judged, allowed }));
}

/**
 * The regulariser alone, measured as the answer at λ minus the answer at λ = 0: the data term
 * cancels, whatever its own slips. The counterexample shows the call at λ as it was made.
 */
async function regulariser(context: KindContext, part: "cost" | "gradient"): Promise<Step> {
  const withL = await context.ask(context.c);
  if ("step" in withL) return withL.step;
  const without = await context.ask(atLambda(context.c, 0));
  if ("step" in without) return without.step;
  // A J that is NaN or ±∞ where the exact cost is finite leaves no regulariser to measure.
  const nonFinite = (r: Asked) => (Number.isFinite(r.got.J) ? undefined : costOf(r, false, context.allowUnstableCost));
  const broken = part === "cost" && (nonFinite(withL) ?? nonFinite(without));
  if (broken) return broken;
  const share = difference(withL, without);
  const step =
    part === "cost"
      ? stepOf(share, costMismatch(share.got, share.reference), "regulariser J(λ) − J(0): ")
      : gradientOf(share, "regulariser grad(λ) − grad(0): ");
  return step && { ...step, c: context.c, reference: withL.reference, submitted: withL.got };
}

/** The answer at λ minus the answer at λ = 0, and the same of gradcheck's: the regulariser alone. */
function difference(withL: Asked, without: Asked): Asked {
  return {
    x: withL.x,
    got: { J: withL.got.J - without.got.J, grad: withL.got.grad.map((g, q) => g - without.got.grad[q]) },
    reference: {
      J: withL.reference.J - without.reference.J,
      grad: withL.reference.grad.map((D, l) =>
        matrix(
          D.rows,
          D.cols,
          D.data.map((d, q) => d - without.reference.grad[l].data[q]),
        ),
      ),
    },
  };
}
