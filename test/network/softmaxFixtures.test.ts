import { describe, expect, it } from "vitest";
import { softmaxCases } from "../../src/cli/builtinCases.ts";
import { gradientMethods, methodNames } from "../../src/methods.ts";
import { caseTitle, expectMatchesReference } from "../helpers/expectMatchesReference.ts";

const methods = methodNames;

/**
 * Golden: the softmax + categorical cross-entropy cases, whose expected J and ∂J/∂Θ come from
 * an independent float64 autodiff system, matched by every gradient method within
 * 1e-12·max(1, |expected|).
 */
describe("every method matches the softmax reference fixtures", () => {
  const cases = softmaxCases();
  it("reads all twelve, each with a softmax output and an expected answer", () => {
    expect(cases.map((c) => c.name).sort()).toEqual([
      "softmax-001", "softmax-003", "softmax-004", "softmax-005", "softmax-006", "softmax-007", "softmax-008",
      "softmax-009", "softmax-010", "softmax-011", "softmax-medium-000", "softmax-saturated-002",
    ]);
    for (const c of cases) expect([c.outputActivation, c.cost, c.expected !== undefined]).toEqual(["softmax", "cross-entropy", true]);
  });
  for (const method of methods) {
    describe(method, () => {
      for (const c of cases) it(caseTitle(c), () => expectMatchesReference(gradientMethods[method](c, c.theta), c.expected!, 1e-12));
    });
  }
});
