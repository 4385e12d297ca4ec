import { describe, expect, it } from "vitest";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { diagnose, diagnosticCasesFor } from "../../src/judge/diagnose.ts";
import { mistakes, nnCostFunctionWith } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

// At λ = 0 every regulariser slip gives the right answer, and at K = 1 one-hot labels change
// nothing: an answer that matches such a mistake there says nothing about it.
const parsed = parseAssignment({ lambda: "0", classes: "1", hiddenLayers: "1" });
if (!parsed.ok) throw new Error(parsed.error);
const onlyLambda0K1 = diagnosticCasesFor(parsed.assignment);

describe("a mistake is named only where it is told apart from the right answer", () => {
  it("the cases really cannot tell the regulariser and label slips from the right answer", async () => {
    for (const id of ["regularized-bias", "lambda-not-divided-by-m", "no-regularization-in-gradient", "labels-not-one-hot"] as const) {
      expect(onlyLambda0K1.every((c) => c.lambda === 0 && c.layerSizes.at(-1) === 1)).toBe(true);
      const named = await diagnose(inProcessImplementation(mistakes[id], id), undefined, onlyLambda0K1);
      expect(named, id).not.toContain(id);
    }
  });
  it("correct code is told no mistake on them", async () => {
    expect(await diagnose(inProcessImplementation(nnCostFunctionWith({}), "right"), undefined, onlyLambda0K1)).toEqual([]);
  });
  it("a mistake the cases do show is still named", async () => {
    const named = await diagnose(inProcessImplementation(mistakes["missing-activation-derivative"], "slip"), undefined, onlyLambda0K1);
    expect(named).toEqual(["missing-activation-derivative"]);
  });
});
