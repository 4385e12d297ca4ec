import type { HiddenActivation, LabelEncoding, OutputFamily, ParameterLayout } from "../judge/Assignment.ts";
/**
 * A grading rubric: tests with partial credit. The JSON form is described by
 * rubric.schema.json beside this file; validateRubric checks a file against it.
 */
export type TestKind =
  | "answers-in-shape"
  | "cost-lambda0"
  | "cost-regularizer"
  | "gradient-lambda0"
  | "gradient-regularizer"
  | "self-consistency"
  | "stable-cost";

/** Gradescope's visibilities: hidden tests never reach the student; after_due_date ones do, later. */
export type Visibility = "visible" | "hidden" | "after_due_date";

/** An inclusive range of integers as a rubric file writes it, [min, max]; the house's Range (src/judge/Assignment.ts) is {min, max}. */
export type RangeSpec = readonly [number, number];

/** Which networks a test is run on: drawn from the seed, the same for every student. */
export interface NetworkSpec {
  /** number of hidden layers (L − 2) */
  readonly hiddenLayers: RangeSpec;
  /** units in each hidden layer */
  readonly hiddenUnits: RangeSpec;
  /** input units s_1 */
  readonly inputs: RangeSpec;
  /** output units s_L */
  readonly K: RangeSpec;
  /** examples */
  readonly m: RangeSpec;
  /**
   * λ of the call (the λ = 0 kinds also call with 0), or a list the runs take in turn: a
   * regulariser is judged where λ, λ², a λ used as a flag (1) and λ/m all differ, such as 0.37 and 3.
   */
  readonly lambda: number | readonly number[];
  /** how many networks; one failure fails the test */
  readonly runs: number;
}

/** A test's λ values, one or a list. */
export function lambdasOf(spec: NetworkSpec): readonly number[] {
  return typeof spec.lambda === "number" ? [spec.lambda] : spec.lambda;
}

export interface RubricTest {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  readonly visibility: Visibility;
  readonly kind: TestKind;
  readonly networks: NetworkSpec;
}

/**
 * The rubric file's raw `assignment` (its spec): what a submission implements, in the names and
 * values of `check`'s flags (--hidden-activation is hiddenActivation, and so on;
 * src/judge/Assignment.ts parses both into the resolved Assignment): the family, how y and
 * the parameters reach the function, the shapes it must handle, a built-in profile. Every field
 * is optional; none is the lecture's network. outputActivation with cost (and targets, always
 * one-hot) are the older spelling of output, still read: sigmoid + cross-entropy is
 * sigmoid-cross-entropy.
 */
export interface AssignmentSpec {
  /** a built-in profile (ex4), applied first; the other fields override it */
  readonly profile?: string;
  readonly hiddenActivation?: HiddenActivation;
  /** the output layer and its cost, e.g. softmax-cross-entropy */
  readonly output?: OutputFamily;
  readonly outputActivation?: "sigmoid" | "softmax" | "identity";
  readonly cost?: "cross-entropy" | "squared-error";
  readonly targets?: "one-hot";
  /** how y reaches the function (default 0-based) */
  readonly labels?: LabelEncoding;
  /** how the parameters reach it (default unrolled; `wb`: per layer {W, b}) */
  readonly layout?: ParameterLayout;
  /** hidden layers the function must handle: "1", "1..2", "1.." or a number; every test's networks must lie within */
  readonly hiddenLayers?: number | string;
  /** output units K it must handle, as hiddenLayers */
  readonly classes?: number | string;
  /** the values of λ it is asked at ("0,1,10" or a list); every test's λ must be one of them */
  readonly lambda?: number | string | readonly number[];
  /** a naive log(1 − h) with a right gradient is a warning in the diagnosis, as with check --allow-unstable-cost */
  readonly allowUnstableCost?: boolean;
  /** a course profile's assignment (cs231n: two-layer, fc-net); absent: told by the files present */
  readonly variant?: string;
  /** cs231n's regulariser: reg (reg·ΣW², the default) or half-reg (0.5·reg·ΣW²) */
  readonly regularizer?: "reg" | "half-reg";
}

export interface Rubric {
  readonly name: string;
  readonly assignment: AssignmentSpec;
  readonly tests: readonly RubricTest[];
}

/** What each kind checks, in words: the rubric's documentation, the feedback and docs read it. */
export const testKindInfo: Readonly<Record<TestKind, string>> = {
  "answers-in-shape": "answers every call with a number J and one finite gradient entry per parameter",
  "cost-lambda0": "the cost J with λ = 0 (the data term alone) matches gradcheck's",
  "cost-regularizer": "the regulariser of J, measured as J(λ) − J(0), matches (λ/2m)·ΣΘ² over columns j ≥ 1",
  "gradient-lambda0": "the gradient ∂J/∂Θ with λ = 0 matches gradcheck's backpropagation",
  "gradient-regularizer": "the regulariser of the gradient, measured as grad(λ) − grad(0), matches (λ/m)Θ off the bias column",
  "self-consistency":
    "the gradient is the derivative of the submission's own J (a directional finite difference of its J along a random direction)",
  "stable-cost": "J stays finite and accurate where the outputs saturate to 0 or 1 in floating point",
};

export const testKinds = Object.keys(testKindInfo) as TestKind[];

export function maxPointsOf(rubric: Rubric): number {
  return rubric.tests.reduce((s, t) => s + t.points, 0);
}
