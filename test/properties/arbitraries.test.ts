import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCase } from "../../src/caseio/parseCase.ts";
import { costs } from "../../src/network/cost.ts";
import { caseArbitrary, layerSizesArbitrary, numRuns, propertySeed, submissionCaseArbitrary } from "../../properties/index.ts";
import { caseFileOf } from "../../src/judge/caseFileOf.ts";
import { toRows } from "../../src/linalg/Matrix.ts";

const seed = propertySeed(5);

describe("arbitraries", () => {
  it("layer sizes: depth 2–6, widths 1–12, and the edge shapes (K = 1, a single hidden unit) do occur", () => {
    const samples = fc.sample(layerSizesArbitrary(), { seed, numRuns: 500 });
    for (const s of samples) {
      expect(s.length).toBeGreaterThanOrEqual(2);
      expect(s.length).toBeLessThanOrEqual(6);
      for (const w of s) expect(w >= 1 && w <= 12).toBe(true);
    }
    expect(samples.some((s) => s[s.length - 1] === 1)).toBe(true);
    expect(samples.some((s) => s.length > 2 && s.slice(1, -1).includes(1))).toBe(true);
    expect(new Set(samples.map((s) => s.length)).size).toBe(5);
  });

  it("every generated case is a valid case file: the cost's output activation, targets in range, Θ of the right shapes", () => {
    const seen = { lambdaZero: 0, lambdaTiny: 0, lambdaLarge: 0, costs: new Set<string>(), hidden: new Set<string>(), m1: 0 };
    fc.assert(
      fc.property(caseArbitrary(), (c) => {
        expect(costs[c.cost].outputs).toContain(c.outputActivation);
        const file = { ...c, X: toRows(c.X), Y: toRows(c.Y), theta: c.theta.map(toRows) };
        const parsed = parseCase(JSON.parse(JSON.stringify(file)));
        if (!parsed.ok) throw new Error(parsed.error);
        if (c.lambda === 0) seen.lambdaZero++;
        else if (c.lambda < 1e-5) seen.lambdaTiny++;
        else if (c.lambda >= 100) seen.lambdaLarge++;
        if (c.X.rows === 1) seen.m1++;
        seen.costs.add(`${c.cost}/${c.outputActivation}`);
        seen.hidden.add(c.hiddenActivation);
      }),
      { seed, numRuns: 300 },
    );
    expect(seen.lambdaZero && seen.lambdaTiny && seen.lambdaLarge && seen.m1).toBeGreaterThan(0);
    expect([...seen.costs].sort()).toEqual([
      "cross-entropy/sigmoid",
      "cross-entropy/softmax",
      "squared-error/identity",
      "squared-error/sigmoid",
    ]);
    expect(seen.hidden.size).toBe(4);
  });

  it("submission cases carry labels whose one-hot is Y, and round-trip through the case-file format", () => {
    fc.assert(
      fc.property(submissionCaseArbitrary(), (c) => {
        const parsed = parseCase(JSON.parse(JSON.stringify(caseFileOf(c))));
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.value.labels).toEqual(c.labels);
      }),
      { seed, numRuns: numRuns(200) },
    );
  });

  it("shrinks a failure to the smallest network that still shows it", () => {
    // A planted "bug" that needs a hidden layer of at least 3 units.
    const details = fc.check(
      fc.property(caseArbitrary(), (c) => !(c.layerSizes.length > 2 && c.layerSizes[1] >= 3)),
      { seed },
    );
    expect(details.failed).toBe(true);
    const [c] = details.counterexample!;
    expect(c.layerSizes).toEqual([1, 3, 1]);
    expect(c.X.rows).toBe(1);
  });
});
