import { describe, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { loopBackprop } from "../../src/backprop/loop.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { caseTitle, expectAllReferenceCases, expectMatchesReference } from "../helpers/expectMatchesReference.ts";

/** Golden: every reference case's J and every gradient entry within 1e-12·max(1, |expected|). */
const cases = referenceCases();

describe("hand-written backpropagation matches the independent reference", () => {
  it("reads every reference file", () => expectAllReferenceCases(cases));
  for (const c of cases) {
    it(`loop: ${caseTitle(c)}`, () => expectMatchesReference(loopBackprop(c, c.theta), c.expected!, 1e-12));
    it(`batch: ${c.name}`, () => expectMatchesReference(batchBackprop(c, c.theta), c.expected!, 1e-12));
  }
});
