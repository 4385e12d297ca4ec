import type { ActivationName, OutputActivationName } from "../network/activation.ts";
import type { CostName } from "../network/cost.ts";
import type { WeightRegime } from "./WeightRegime.ts";

/**
 * What a course asks its students to implement, stated once: the network family, the shapes
 * of network it must handle, and how parameters and labels travel to the student's function.
 * `check`'s flags and a rubric's `assignment` field (AssignmentSpec, as written) both parse into
 * this resolved form (parseAssignment).
 */
export interface Assignment {
  /** the activation of every hidden layer */
  readonly hiddenActivation: HiddenActivation;
  /** the output layer and its cost */
  readonly output: OutputFamily;
  /** how the labels y reach the function: 0-based classes, 1-based classes (Octave's y == k), or the m × K one-hot matrix */
  readonly labels: LabelEncoding;
  /**
   * how Θ reaches the function: unrolled row-major with the bias column first, Octave's
   * [Theta1(:); Theta2(:)], or per layer {W, b} used as a·W + b (src/judge/parameterLayout.ts)
   */
  readonly layout: ParameterLayout;
  /** hidden layers the function must handle (L − 2), inclusive */
  readonly hiddenLayers: Range;
  /** output units K = s_L, inclusive */
  readonly classes: Range;
  /** the values of λ the cases use */
  readonly lambdas: readonly number[];
  /** a cost computed with a naive log (log(1 − h) taken directly) is a warning, not a failure */
  readonly allowUnstableCost: boolean;
  /** a course's own code, called through gradcheck's adapter for it; absent for nnCostFunction */
  readonly course?: CourseEntry;
  /** the weight regimes its random cases draw (absent: all of them; src/judge/submissionCaseArbitrary.ts) */
  readonly regimes?: readonly WeightRegime[];
}

/**
 * A course whose students write the course's own classes and functions rather than
 * nnCostFunction: which course, which assignment of it (absent: told by the files present),
 * and how its regulariser is written (CS231n: reg·ΣW², or 0.5·reg·ΣW² in older years).
 */
export interface CourseEntry {
  readonly profile: "cs231n" | "dlai";
  readonly variant?: string;
  readonly regularizer: Regularizer;
}
export type Regularizer = "reg" | "half-reg";
export const regularizers: readonly Regularizer[] = ["reg", "half-reg"];

/** Each course's assignments and what each one pins beyond the profile. */
export const courseVariants: Readonly<Record<CourseEntry["profile"], Readonly<Record<string, Partial<Assignment>>>>> = {
  cs231n: {
    "two-layer": { hiddenLayers: { min: 1, max: 1 } },
    "fc-net": { hiddenLayers: { min: 1, max: 3 } },
  },
  // Course 1 week 4's L-layer model at λ = 0; Course 2 week 1's fixed 3-layer model
  dlai: {
    step: { hiddenLayers: { min: 1, max: 3 }, lambdas: [0] },
    regularization: { hiddenLayers: { min: 2, max: 2 }, lambdas: [0, 0.1, 0.7, 1] },
    "gradient-checking": { hiddenLayers: { min: 2, max: 2 }, lambdas: [0] },
  },
};

/** The assignment narrowed to one variant of its course (told by the submission's files when the assignment named none). */
export function withVariant(a: Assignment, variant: string): Assignment {
  if (!a.course) return a;
  return { ...a, ...courseVariants[a.course.profile][variant], course: { ...a.course, variant } };
}

export type HiddenActivation = Extract<ActivationName, "sigmoid" | "tanh" | "relu">;
export type OutputFamily = "sigmoid-cross-entropy" | "softmax-cross-entropy" | "sigmoid-squared-error" | "identity-squared-error";
export type LabelEncoding = "0-based" | "1-based" | "one-hot";
export type ParameterLayout = "unrolled" | "unrolled-column-major" | "wb";
/** An inclusive range of integers, the one Range of the house (a rubric file writes it as a [min, max] tuple, RangeSpec). */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const hiddenActivations: readonly HiddenActivation[] = ["sigmoid", "tanh", "relu"];
export const outputFamilies: readonly OutputFamily[] = [
  "sigmoid-cross-entropy",
  "softmax-cross-entropy",
  "sigmoid-squared-error",
  "identity-squared-error",
];
export const labelEncodings: readonly LabelEncoding[] = ["0-based", "1-based", "one-hot"];
export const parameterLayouts: readonly ParameterLayout[] = ["unrolled", "unrolled-column-major", "wb"];

/** The output activation and cost of a case file for an output family. */
export function outputOf(family: OutputFamily): { outputActivation: OutputActivationName; cost: CostName } {
  const [outputActivation, ...rest] = family.split("-");
  return { outputActivation: outputActivation as OutputActivationName, cost: rest.join("-") as CostName };
}

/**
 * What `check` judges with no assignment options: the lecture's network. Its one-line description
 * is `describeAssignment(defaultAssignment)`; docs/check.md states it and a test reads it from here.
 */
export const defaultAssignment: Assignment = {
  hiddenActivation: "sigmoid",
  output: "sigmoid-cross-entropy",
  labels: "0-based",
  layout: "unrolled",
  hiddenLayers: { min: 0, max: 3 },
  classes: { min: 1, max: 6 },
  lambdas: [0, 1, 10, 0.001],
  allowUnstableCost: false,
};

/**
 * Built-in profiles. `ex4`: the classic course exercise — one hidden layer, K ≥ 2, sigmoid and
 * the cross-entropy, and its own code takes log(1 − h) directly, so an unstable cost is only a
 * warning. (An Octave nnCostFunction.m is sent 1-based labels and column-major Θ by gradcheck's
 * adapter; a JSON-lines program keeps the documented 0-based, row-major protocol.)
 */
export const assignmentProfiles: Readonly<Record<string, Partial<Assignment>>> = {
  ex4: {
    hiddenActivation: "sigmoid",
    output: "sigmoid-cross-entropy",
    hiddenLayers: { min: 1, max: 1 },
    classes: { min: 2, max: 6 },
    allowUnstableCost: true,
  },
  // CS231n: relu hidden layers, softmax and cross-entropy, integer labels 0..C−1, W in × out
  // (z = x·W + b); the adapter builds the student's model and calls loss(X, y, reg).
  cs231n: {
    hiddenActivation: "relu",
    output: "softmax-cross-entropy",
    labels: "0-based",
    layout: "wb",
    hiddenLayers: { min: 1, max: 3 },
    classes: { min: 2, max: 6 },
    // the course's softmax takes log(probs[y]) after the max-shift: -log(0) = ∞ where a
    // probability underflows, with the right gradient; a warning, as ex4's naive log is
    allowUnstableCost: true,
    course: { profile: "cs231n", regularizer: "reg" },
  },
  // deeplearning.ai: relu hidden layers, one sigmoid output (Y is a 1 × m row of 0/1), the
  // lecture's (λ/2m)·ΣW²; examples in columns and W out × in, which the adapter converts. The
  // notebooks' cost takes log(1 − AL) directly: a warning where outputs saturate.
  dlai: {
    hiddenActivation: "relu",
    output: "sigmoid-cross-entropy",
    labels: "0-based",
    layout: "wb",
    hiddenLayers: { min: 1, max: 3 },
    classes: { min: 1, max: 1 },
    lambdas: [0],
    allowUnstableCost: true,
    // The course's own backward pass starts from dAL = −(Y/AL − (1 − Y)/(1 − AL)), which is
    // ∞ or NaN wherever an output saturates to 0 or 1: no saturated cases, or every correct
    // notebook would fail them.
    regimes: ["ordinary", "tiny"],
    course: { profile: "dlai", regularizer: "reg" },
  },
};

/**
 * The conventions a profile owns: the profile's adapter (Octave's, CS231n's) already hands the
 * student's code its labels and layout, so a rubric or flag restating them would convert twice.
 */
export const profileOwns: Readonly<Record<string, readonly (keyof Assignment & string)[]>> = {
  ex4: ["labels", "layout"],
  cs231n: ["labels", "layout", "output", "hiddenActivation"],
  dlai: ["labels", "layout", "output", "hiddenActivation", "classes"],
};

export type AssignmentFields = Readonly<Record<string, unknown>>;
export type ParsedAssignment = { readonly ok: true; readonly assignment: Assignment } | { readonly ok: false; readonly error: string };

/** The field names, as a rubric writes them; `check` takes the same as --kebab-case flags. */
export const assignmentFieldNames = [
  "profile",
  "hiddenActivation",
  "output",
  "labels",
  "layout",
  "hiddenLayers",
  "classes",
  "lambda",
  "allowUnstableCost",
  "variant",
  "regularizer",
] as const;

/** The `check` flag of a field: hiddenActivation is --hidden-activation. */
export function assignmentFlag(field: (typeof assignmentFieldNames)[number]): string {
  return field.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/**
 * An Assignment from named fields (a rubric's `assignment` object, or `check`'s flags as
 * strings): `profile` first, then each field overrides it. Ranges are "N", "A..B" or "A.."
 * (or a number); lambda is a list "0,1,10" (or an array). Errors name the field and the value.
 */
export function parseAssignment(fields: AssignmentFields): ParsedAssignment {
  try {
    checkFieldNames(fields);
    const a = withCourseFields(withFamilyFields(withProfile(fields), fields), fields);
    return { ok: true, assignment: withSoftmaxClasses(a) };
  } catch (e) {
    if (e instanceof AssignmentError) return { ok: false, error: e.message };
    throw e;
  }
}

function checkFieldNames(fields: AssignmentFields): void {
  for (const key of Object.keys(fields)) {
    if (!(assignmentFieldNames as readonly string[]).includes(key))
      throw new AssignmentError(key, `unknown field; expected one of ${assignmentFieldNames.join(", ")}`);
  }
}

/** The default assignment, or the named profile's; a field the profile owns may not be stated again. */
function withProfile(fields: AssignmentFields): Assignment {
  if (fields.profile === undefined) return defaultAssignment;
  const profile = assignmentProfiles[String(fields.profile)];
  if (!profile)
    throw new AssignmentError(
      "profile",
      `unknown profile ${JSON.stringify(fields.profile)}; known: ${Object.keys(assignmentProfiles).join(", ")}`,
    );
  const a: Assignment = { ...defaultAssignment, ...profile };
  for (const key of profileOwns[String(fields.profile)] ?? []) {
    if (fields[key] !== undefined && fields[key] !== a[key])
      throw new AssignmentError(
        key,
        `the ${String(fields.profile)} profile owns it (${JSON.stringify(a[key])}): gradcheck's adapter for the course's code already converts it, and stating it again would convert twice; drop ${key}`,
      );
  }
  return a;
}

/** The family's and the shapes' fields, each overriding the profile's value when given. */
function withFamilyFields(a: Assignment, fields: AssignmentFields): Assignment {
  const pick = <T extends string>(key: string, allowed: readonly T[], current: T): T => {
    const v = fields[key];
    if (v === undefined) return current;
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v))
      throw new AssignmentError(key, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
    return v as T;
  };
  return {
    ...a,
    hiddenActivation: pick("hiddenActivation", hiddenActivations, a.hiddenActivation),
    output: pick("output", outputFamilies, a.output),
    labels: pick("labels", labelEncodings, a.labels),
    layout: pick("layout", parameterLayouts, a.layout),
    hiddenLayers: fields.hiddenLayers === undefined ? a.hiddenLayers : readRange("hiddenLayers", fields.hiddenLayers, 0, 4),
    classes: fields.classes === undefined ? a.classes : readRange("classes", fields.classes, 1, 12),
    lambdas: fields.lambda === undefined ? a.lambdas : readLambdas(fields.lambda),
    allowUnstableCost:
      fields.allowUnstableCost === undefined ? a.allowUnstableCost : readBoolean("allowUnstableCost", fields.allowUnstableCost),
  };
}

/** softmax has no K = 1 form: one output unit would always say 1. */
function withSoftmaxClasses(a: Assignment): Assignment {
  if (a.output !== "softmax-cross-entropy") return a;
  if (a.classes.max < 2) throw new AssignmentError("classes", `a softmax output needs K ≥ 2, got at most ${a.classes.max}`);
  return { ...a, classes: { min: Math.max(2, a.classes.min), max: a.classes.max } };
}

/** variant and regularizer: a course's own fields, refused without a course profile. */
function withCourseFields(a: Assignment, fields: AssignmentFields): Assignment {
  for (const key of ["variant", "regularizer"] as const) {
    if (fields[key] !== undefined && !a.course)
      throw new AssignmentError(key, `belongs to a course profile (${Object.keys(courseVariants).join(", ")}), and none is given`);
  }
  if (!a.course) return a;
  const variants = Object.keys(courseVariants[a.course.profile]);
  const variant = fields.variant;
  if (variant !== undefined && (typeof variant !== "string" || !variants.includes(variant)))
    throw new AssignmentError("variant", `expected one of ${variants.join(", ")}, got ${JSON.stringify(variant)}`);
  const regularizer = fields.regularizer ?? a.course.regularizer;
  if (typeof regularizer !== "string" || !(regularizers as readonly string[]).includes(regularizer))
    throw new AssignmentError("regularizer", `expected reg (reg·ΣW²) or half-reg (0.5·reg·ΣW²), got ${JSON.stringify(regularizer)}`);
  const course = { ...a.course, regularizer: regularizer as Regularizer };
  return variant === undefined ? { ...a, course } : withVariant({ ...a, course }, variant);
}

class AssignmentError extends Error {
  constructor(field: string, problem: string) {
    super(`assignment ${field}: ${problem}`);
  }
}

function readRange(field: string, v: unknown, floor: number, ceiling: number): Range {
  const text = typeof v === "number" ? String(v) : v;
  const match = typeof text === "string" ? /^\s*(\d+)\s*(?:(\.\.)\s*(\d+)?)?\s*$/.exec(text) : null;
  if (!match) throw new AssignmentError(field, `expected N, A..B or A.., got ${JSON.stringify(v)}`);
  const min = Number(match[1]);
  const max = match[2] ? (match[3] === undefined ? ceiling : Number(match[3])) : min;
  if (min < floor || max > ceiling || min > max)
    throw new AssignmentError(field, `expected a range within ${floor}..${ceiling}, got ${min}..${max}`);
  return { min, max };
}

function readLambdas(v: unknown): number[] {
  const items = Array.isArray(v)
    ? v
    : typeof v === "number"
      ? [v]
      : typeof v === "string"
        ? v.split(",").map((s) => (s.trim() === "" ? NaN : Number(s)))
        : null;
  if (!items || items.length === 0 || !items.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0)) {
    throw new AssignmentError("lambda", `expected a list of numbers ≥ 0 such as "0,1,10", got ${JSON.stringify(v)}`);
  }
  return items as number[];
}

function readBoolean(field: string, v: unknown): boolean {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  throw new AssignmentError(field, `expected true or false, got ${JSON.stringify(v)}`);
}

/** One line for reports: the family, the shapes and the interface a check was run with. */
export function describeAssignment(a: Assignment): string {
  const range = (r: Range) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);
  const { outputActivation, cost } = outputOf(a.output);
  return [
    `${a.hiddenActivation} hidden layers (${range(a.hiddenLayers)}), ${outputActivation} output, ${cost}`,
    `K ${range(a.classes)}, λ ∈ {${a.lambdas.join(", ")}}`,
    `labels ${a.labels}, Θ ${a.layout}${a.allowUnstableCost ? ", naive log allowed" : ""}`,
    ...(a.course?.profile === "dlai"
      ? [`dlai${a.course.variant ? ` ${a.course.variant}` : ""}, X n_x × m, W out × in, Y 1 × m`]
      : a.course
        ? [
            `${a.course.profile}${a.course.variant ? ` ${a.course.variant}` : ""}, regulariser ${a.course.regularizer === "reg" ? "reg·ΣW²" : "0.5·reg·ΣW²"} (reg = λ/${a.course.regularizer === "reg" ? "2" : ""}m)`,
          ]
        : []),
  ].join("; ");
}
