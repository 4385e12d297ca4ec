import { describe, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { gradientMethods } from "../../src/methods.ts";
import { caseTitle, expectAllReferenceCases, expectMatchesReference } from "../helpers/expectMatchesReference.ts";

/** Golden: `eval --method fd` (the registry's fd) against the independent reference, within 1e-8·max(1, |expected|). */
describe("finite differences match every reference fixture", () => {
  const cases = referenceCases();
  it("reads every reference file", () => expectAllReferenceCases(cases));
  for (const c of cases) {
    it(caseTitle(c), () => expectMatchesReference(gradientMethods.fd(c, c.theta), c.expected!, 1e-8));
  }
});
