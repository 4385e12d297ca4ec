import { describe, expect, it } from "vitest";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { saturationReach } from "../../src/judge/unstableCost.ts";
import { runRubricTest } from "../../src/grade/runRubricTest.ts";
import type { RubricTest, TestKind } from "../../src/grade/Rubric.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { courseStyles } from "../helpers/courseStyles.ts";

// One policy for saturation: J or ∂J/∂Θ not finite only where an output rounds to exactly 0 or
// 1 is unstable-cost (a warning where allowed), never non-finite or gradient-mismatch; anywhere
// else it always fails.
const [, dlai] = Object.values(courseStyles);
const lecture = { hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy" } as const;

/** Output 1's z is 36 + 18·0.3 = 41.4 with label 0 (h rounds to 1); output 2's is 0.1 − 0.06. */
const saturated: LabelledCase = {
  name: "saturated-[1,2]",
  layerSizes: [1, 2],
  hiddenActivation: "sigmoid",
  outputActivation: "sigmoid",
  cost: "cross-entropy",
  lambda: 0,
  X: fromRows([[-0.3]]),
  Y: fromRows([[0, 1]]),
  labels: [1],
  theta: [
    fromRows([
      [36, -18],
      [0.1, 0.2],
    ]),
  ],
};
const ordinary: LabelledCase = {
  ...saturated,
  name: "ordinary-[1,2]",
  theta: [
    fromRows([
      [0.5, -1.8],
      [0.1, 0.2],
    ]),
  ],
};

/** The course's formula, with one more NaN planted at an entry of row 2 (where nothing saturates). */
const withNaNAt =
  (q: number): NnCostFunction =>
  async (...args) => {
    const { J, grad } = await dlai(lecture)(...args);
    const g = Float64Array.from(grad);
    g[q] = NaN;
    return { J, grad: g };
  };
const nanJ: NnCostFunction = async (...args) => ({ ...(await dlai(lecture)(...args)), J: NaN });

describe("saturation: one policy in check", () => {
  it("the course's dAL = −(Y/AL − (1 − Y)/(1 − AL)) is unstable-cost where h rounds to 1, J and ∂J/∂Θ alike", async () => {
    expect(Array.from(saturationReach(saturated)!)).toEqual([1, 1, 0, 0]);
    const implementation = inProcessImplementation(dlai(lecture), "dlai");
    const strict = await judgeCase(saturated, implementation);
    expect(strict.submitted!.grad.some(Number.isNaN)).toBe(true);
    expect(strict.findings.map((f) => f.problem)).toEqual(["unstable-cost"]);
    expect(strict.ok).toBe(false);
    const allowed = await judgeCase(saturated, implementation, { allowUnstableCost: true });
    expect(allowed.ok).toBe(true);
  });
  it("a NaN that reaches an entry no saturated output reaches stays non-finite, allowed or not", async () => {
    const v = await judgeCase(saturated, inProcessImplementation(withNaNAt(3), "nan"), { allowUnstableCost: true });
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.problem)).toEqual(["non-finite"]);
  });
  it("a NaN J where no output saturates always fails", async () => {
    const v = await judgeCase(ordinary, inProcessImplementation(nanJ, "nan J"), { allowUnstableCost: true });
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.problem)).toContain("non-finite");
  });
  it("where nothing saturates the course's formula is simply right", async () => {
    const v = await judgeCase(ordinary, inProcessImplementation(dlai(lecture), "dlai"));
    expect(v.findings).toEqual([]);
  });
});

describe("saturation: the same policy in every rubric test", () => {
  const kinds: TestKind[] = ["answers-in-shape", "cost-lambda0", "gradient-lambda0", "stable-cost", "self-consistency"];
  const test = (kind: TestKind): RubricTest => ({
    id: kind,
    name: kind,
    points: 1,
    visibility: "visible",
    kind,
    networks: {} as RubricTest["networks"],
  });
  // The stable-cost test is where saturation costs points; every other test judges the rest of
  // the answer, the values that are not finite set to gradcheck's.
  it.each(kinds)("%s: unstable-cost only in stable-cost where the rubric does not allow it, passed where it does", async (kind) => {
    const implementation = inProcessImplementation(dlai(lecture), "dlai");
    const strict = await runRubricTest(test(kind), [saturated], implementation);
    if (kind === "stable-cost") {
      expect(strict.passed).toBe(false);
      expect(strict.problem).toBe("unstable-cost");
    } else expect(strict.passed, strict.message).toBe(true);
    const allowed = await runRubricTest(test(kind), [saturated], implementation, { allowUnstableCost: true });
    expect(allowed.passed, allowed.message).toBe(true);
  });
  it("a NaN beyond the saturated outputs' reach fails every test, allowed or not", async () => {
    const outcome = await runRubricTest(test("gradient-lambda0"), [saturated], inProcessImplementation(withNaNAt(3), "nan"), {
      allowUnstableCost: true,
    });
    expect(outcome.passed).toBe(false);
    expect(outcome.problem).toBe("non-finite");
  });
});
