import { describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeImplementation } from "../../src/grade/gradeSubmission.ts";
import { rubricAssignment } from "../../src/grade/rubricAssignment.ts";
import type { Rubric } from "../../src/grade/Rubric.ts";
import { readRubric } from "../../src/grade/validateRubric.ts";
import { outputOf } from "../../src/judge/Assignment.ts";
import { mistakesFor, nnCostFunctionWith, type Family, type NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import { planted } from "../helpers/plantedBugs.ts";

/**
 * Every way of being wrong, built on the rubric's own correct implementation, graded under
 * every rubric gradcheck ships: the points each answer loses, test by test. A NaN or ∞ J where
 * the exact cost is finite is a wrong cost (every cost test); a naive log's ∞ where outputs
 * saturate is the stable-cost test's alone; state kept between calls costs what it corrupts.
 */
const derived: Readonly<Record<string, (correct: NnCostFunction) => NnCostFunction>> = {
  "J NaN":
    (f) =>
    async (...a) => ({ ...(await f(...a)), J: NaN }),
  "J +Infinity":
    (f) =>
    async (...a) => ({ ...(await f(...a)), J: Infinity }),
  "J off by 0.5":
    (f) =>
    async (...a) => {
      const r = await f(...a);
      return { ...r, J: r.J + 0.5 };
    },
  "J right, gradient NaN":
    (f) =>
    async (...a) => {
      const r = await f(...a);
      return { J: r.J, grad: Array.from(r.grad, (g, q) => (q === 0 ? NaN : g)) };
    },
  // Δ kept between calls and never reset, as a module-level (or Octave persistent) array does
  "state between calls": (f) => {
    let Delta: Float64Array | undefined;
    return async (...a) => {
      const r = await f(...a);
      if (!Delta || Delta.length !== r.grad.length) Delta = new Float64Array(r.grad.length);
      for (let q = 0; q < Delta.length; q++) Delta[q] += r.grad[q];
      return { J: r.J, grad: Delta.slice() };
    };
  },
};

const rubricFile = (name: string) => {
  const r = readRubric(new URL(`../../examples/rubrics/${name}`, import.meta.url).pathname);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.rubric;
};

interface Shipped {
  readonly rubric: Rubric;
  /** the tests each answer fails, by answer */
  readonly expected: Readonly<Record<string, readonly string[]>>;
  /** answers only this family has (a naive log exists only with a sigmoid output) */
  readonly extra?: Readonly<Record<string, NnCostFunction>>;
}

/** What every family shares: the derived answers lose the same kinds of test. */
function sharedLosses(gradientTests: readonly string[]): Record<string, readonly string[]> {
  return {
    "J NaN": ["cost", "cost-regularizer", "stable-cost"],
    "J +Infinity": ["cost", "cost-regularizer", "stable-cost"],
    "J off by 0.5": ["cost", "stable-cost"],
    "J right, gradient NaN": ["shape", ...gradientTests],
    "state between calls": ["shape", ...gradientTests],
  };
}

const shipped: readonly Shipped[] = [
  {
    rubric: defaultRubric,
    expected: {
      ...sharedLosses(["gradient", "gradient-regularizer", "deep", "edge-shapes", "self-consistency"]),
      // With a sigmoid output, a NaN that a saturated output can reach (here the first entry,
      // on the stable-cost test's saturated network) is the saturation policy's too.
      "J right, gradient NaN": ["shape", "gradient", "gradient-regularizer", "deep", "edge-shapes", "self-consistency", "stable-cost"],
      "naive log (J ∞ only where outputs saturate)": ["stable-cost"],
      "regularized-bias": ["cost-regularizer", "gradient-regularizer"],
      "lambda-not-divided-by-m": ["gradient-regularizer"],
      "missing-activation-derivative": ["gradient", "deep", "edge-shapes", "self-consistency"],
      "activation-derivative-of-activation": ["gradient", "deep", "edge-shapes", "self-consistency"],
      "gradient-not-divided-by-m": ["gradient", "deep", "self-consistency"],
      "no-regularization-in-gradient": ["gradient-regularizer"],
      "squared-error-output-delta": ["gradient", "deep", "edge-shapes", "self-consistency"],
      "labels-not-one-hot": ["cost", "gradient", "deep", "stable-cost"],
      "regularized-with-Delta": ["gradient-regularizer"],
      "dropped-wrong-delta-row": ["gradient", "deep", "edge-shapes", "self-consistency"],
      "labels-shifted-by-one": ["cost", "gradient", "deep", "edge-shapes", "stable-cost"],
      "weights-reinitialized": [
        "cost",
        "cost-regularizer",
        "gradient",
        "gradient-regularizer",
        "deep",
        "edge-shapes",
        "self-consistency",
        "stable-cost",
      ],
    },
    extra: { "naive log (J ∞ only where outputs saturate)": planted({ naiveLog: true }) },
  },
  {
    rubric: rubricFile("softmax-relu.json"),
    expected: {
      ...sharedLosses(["gradient", "gradient-regularizer", "deep", "self-consistency"]),
      "regularized-bias": ["cost-regularizer", "gradient-regularizer"],
      "lambda-not-divided-by-m": ["gradient-regularizer"],
      "missing-activation-derivative": ["gradient", "deep", "self-consistency"],
      "gradient-not-divided-by-m": ["gradient", "deep", "self-consistency"],
      "no-regularization-in-gradient": ["gradient-regularizer"],
      "labels-not-one-hot": ["cost", "gradient", "deep", "stable-cost"],
      "regularized-with-Delta": ["gradient-regularizer"],
      "dropped-wrong-delta-row": ["gradient", "deep", "self-consistency"],
      "labels-shifted-by-one": ["cost", "gradient", "deep", "stable-cost"],
      "weights-reinitialized": ["cost", "cost-regularizer", "gradient", "gradient-regularizer", "deep", "self-consistency", "stable-cost"],
      "softmax-without-max-shift": ["stable-cost"],
      "softmax-derivative-in-output-delta": ["gradient", "deep", "self-consistency"],
    },
  },
];

function familyOf(rubric: Rubric): Family {
  const stated = rubricAssignment(rubric);
  if (!stated.ok) throw new Error(stated.errors.join("; "));
  return { hiddenActivation: stated.assignment.hiddenActivation, ...outputOf(stated.assignment.output) };
}

describe.each(shipped)("points lost under $rubric.name", ({ rubric, expected, extra }) => {
  const family = familyOf(rubric);
  const correct = nnCostFunctionWith({}, family);
  const answers = new Map<string, NnCostFunction>([
    ["correct", correct],
    ...Object.entries(derived).map(([name, derive]) => [name, derive(correct)] as const),
    ...Object.entries(extra ?? {}),
    ...mistakesFor(family),
  ]);
  const table: string[] = [];
  const grade = (name: string) =>
    gradeImplementation(name, inProcessImplementation(answers.get(name)!, name), rubric, { seed: 20240601, callTimeoutMs: 1000 });

  it("every answer has its expected losses listed (the catalogue's mistakes of this family included)", () => {
    expect([...answers.keys()].filter((k) => k !== "correct").sort()).toEqual(Object.keys(expected).sort());
  });

  it.each([...answers.keys()])("%s", async (name) => {
    const r = await grade(name);
    const lost = r.items.filter((i) => !i.passed);
    table.push(
      `${name.padEnd(44)} ${String(r.maxPoints - r.points).padStart(3)}  ${lost.map((i) => `${i.id} −${i.maxPoints}`).join(", ")}`,
    );
    expect(
      lost.map((i) => i.id),
      JSON.stringify(lost.map((i) => i.message)),
    ).toEqual(name === "correct" ? [] : expected[name]);
    expect(r.points).toBe(r.maxPoints - lost.reduce((s, i) => s + i.maxPoints, 0));
  });

  it("state between calls is named on every test it fails, with a hint at module-level variables", async () => {
    const lost = (await grade("state between calls")).items.filter((i) => !i.passed);
    for (const i of lost) expect(i.message).toMatch(/the same case asked twice, .*got two answers/);
  });

  it("prints the table", () => {
    console.log(`${rubric.name}: points lost\n${table.join("\n")}`);
  });
});

describe("an assignment that allows a naive log", () => {
  const rubric: Rubric = { ...defaultRubric, assignment: { ...defaultRubric.assignment, allowUnstableCost: true } };
  const grade = (fn: NnCostFunction) =>
    gradeImplementation("x", inProcessImplementation(fn, "x"), rubric, { seed: 20240601, callTimeoutMs: 1000 });
  const failed = async (fn: NnCostFunction) => (await grade(fn)).items.filter((i) => !i.passed).map((i) => i.id);

  it("passes stable-cost for a J that is ∞ only where outputs saturate", async () => {
    expect(await failed(planted({ naiveLog: true }))).toEqual([]);
  });
  // on the saturated networks a NaN looks like the naive log's, which is allowed; elsewhere it is wrong
  it("still fails the cost tests for a J that is NaN where no output saturates", async () => {
    expect(await failed(derived["J NaN"](nnCostFunctionWith({})))).toEqual(["cost", "cost-regularizer"]);
  });
});
