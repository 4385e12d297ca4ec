import fc from "fast-check";
import { expect, it } from "vitest";
import "gradcheck/vitest";
import { batchBackprop, referenceNnCostFunction } from "gradcheck";
import { caseArbitrary, holds, matchesFiniteDifferences } from "gradcheck/properties";

it("toHaveGradient", () => {
  expect((x: Float64Array) => Math.exp(x[0]!) * x[1]!).toHaveGradient((x) => [Math.exp(x[0]!) * x[1]!, Math.exp(x[0]!)], [0.2, 1.5]);
});

it("toPassGradcheck", async () => {
  await expect(referenceNnCostFunction).toPassGradcheck({ runs: 5 });
});

it("the properties, with the consumer's own fast-check", () => {
  fc.assert(
    fc.property(caseArbitrary({ maxDepth: 3, maxWidth: 3 }), (c) => holds(matchesFiniteDifferences(batchBackprop)(c))),
    { seed: 1, numRuns: 5 },
  );
});
