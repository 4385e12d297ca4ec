import { describe, expect, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { gradientMethods } from "../../src/methods.ts";
import { tapeBackprop } from "../../src/backprop/tapeBackprop.ts";
import { caseTitle, expectAllReferenceCases, expectMatchesReference } from "../helpers/expectMatchesReference.ts";

/** Golden: the tape on every reference case, J and every gradient entry within 1e-12·max(1, |expected|). */
const cases = referenceCases();

describe("the tape matches the independent reference", () => {
  it("has all the reference cases, and `eval --method tape` uses the tape", () => {
    expectAllReferenceCases(cases);
    expect(gradientMethods.tape).toBe(tapeBackprop);
  });
  for (const c of cases) {
    it(caseTitle(c), () => expectMatchesReference(tapeBackprop(c, c.theta), c.expected!, 1e-12));
  }
});
