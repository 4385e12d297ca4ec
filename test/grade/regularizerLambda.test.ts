import { describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeImplementation } from "../../src/grade/gradeSubmission.ts";
import type { Rubric } from "../../src/grade/Rubric.ts";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { referenceNnCostFunction, type NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";

/**
 * Slips in how λ reaches the regulariser, each the right algorithm called with the wrong λ:
 * all of them agree with the truth at λ = 1 (the first two) or nowhere near it, so a rubric
 * that asks only at λ ∈ {0, 1} grades the first two 100/100.
 */
const slips: Record<string, (lambda: number, m: number) => number> = {
  "λ²": (lambda) => lambda * lambda,
  "λ used as a flag": (lambda) => (lambda !== 0 ? 1 : 0),
  "λ/m where λ is meant": (lambda, m) => lambda / m,
};
const withLambda =
  (f: (lambda: number, m: number) => number): NnCostFunction =>
  (params, layerSizes, X, y, lambda) =>
    referenceNnCostFunction(params, layerSizes, X, y, f(lambda, X.length));

const seed = 20240601;
const grade = (name: string, rubric: Rubric) =>
  gradeImplementation(name, inProcessImplementation(withLambda(slips[name]), name), rubric, { seed, callTimeoutMs: 1000, searchRuns: 5 });
const lost = (r: Awaited<ReturnType<typeof grade>>) => r.items.filter((i) => !i.passed).map((i) => i.id);

describe("the regulariser is asked where λ's slips differ", () => {
  it.each(Object.keys(slips))("%s loses both regulariser tests of the default rubric, and only those", async (name) => {
    const r = await grade(name, defaultRubric);
    expect(lost(r)).toEqual(["cost-regularizer", "gradient-regularizer"]);
    expect(r.points).toBe(80);
  });

  it("at λ = 1 alone, λ² and a λ used as a flag pass: why the default asks at 0.37 and 3", async () => {
    const atOne: Rubric = {
      ...defaultRubric,
      tests: defaultRubric.tests.map((t) => ({
        ...t,
        networks: { ...t.networks, lambda: typeof t.networks.lambda === "number" ? t.networks.lambda : 1 },
      })),
    };
    expect((await grade("λ²", atOne)).points).toBe(100);
    expect((await grade("λ used as a flag", atOne)).points).toBe(100);
  });

  it.each(Object.keys(slips))("check's search finds %s", async (name) => {
    const report = await checkImplementation(inProcessImplementation(withLambda(slips[name]), name), { seed, runs: 30 });
    expect(report.passed).toBe(false);
  });
});
