import { describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeImplementation } from "../../src/grade/gradeSubmission.ts";
import { lectureFamily, mistakesFor, referenceNnCostFunction, type MistakeId } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";

/**
 * What the default rubric charges for each catalogued mistake, alone: the tests it fails.
 * The rubric isolates parts of the assignment, so a slip in one part costs only that part's
 * tests (the slide's λΘ, a regulariser slip, loses only the gradient regulariser's 10 points).
 */
const expectedLosses: Readonly<Partial<Record<MistakeId, readonly string[]>>> = {
  "regularized-bias": ["cost-regularizer", "gradient-regularizer"],
  "lambda-not-divided-by-m": ["gradient-regularizer"],
  "missing-activation-derivative": ["gradient", "deep", "edge-shapes", "self-consistency"],
  "activation-derivative-of-activation": ["gradient", "deep", "edge-shapes", "self-consistency"],
  // invisible at m = 1 (edge shapes), and the regulariser's share (λ/m)Θ is still right
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
};

describe("the default rubric's points for each catalogued mistake", () => {
  const seed = 20240601;
  it("a correct implementation earns all 100 points", async () => {
    const r = await gradeImplementation("reference", inProcessImplementation(referenceNnCostFunction, "reference"), defaultRubric, {
      seed,
      callTimeoutMs: 1000,
    });
    expect(r.points).toBe(100);
    expect(r.maxPoints).toBe(100);
  });

  // the default rubric's assignment is the lecture's: sigmoid everywhere, cross-entropy
  const lectureMistakes = mistakesFor(lectureFamily);
  it("lists an expected loss for every mistake of the lecture's family", () => {
    expect([...lectureMistakes.keys()].sort()).toEqual(Object.keys(expectedLosses).sort());
  });

  it.each([...lectureMistakes.keys()])("%s", async (id) => {
    const r = await gradeImplementation(id, inProcessImplementation(lectureMistakes.get(id)!, id), defaultRubric, {
      seed,
      callTimeoutMs: 1000,
    });
    const lost = r.items.filter((i) => !i.passed).map((i) => i.id);
    console.log(`${id.padEnd(38)} ${String(r.points).padStart(3)} / 100   loses: ${lost.join(", ")}`);
    expect(lost).toEqual(expectedLosses[id]);
    expect(r.points).toBe(100 - defaultRubric.tests.filter((t) => lost.includes(t.id)).reduce((s, t) => s + t.points, 0));
    expect(r.mistakes).toContain(id);
  });
});
