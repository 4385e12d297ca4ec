import fc from "fast-check";
import { it } from "vitest";
import { caseArbitrary, holds, matchesFiniteDifferences } from "../../properties/index.ts";
import { batchBackprop as myBackprop } from "../../src/index.ts"; // (problem, theta) → { J, grad }

it("my backprop ≈ finite differences, on random networks of every kind", () => {
  fc.assert(
    fc.property(caseArbitrary({ maxDepth: 4, maxWidth: 6 }), (c) => holds(matchesFiniteDifferences(myBackprop)(c))),
    { seed: 1, numRuns: 20 },
  );
});
