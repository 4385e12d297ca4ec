import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { loopBackprop } from "../../src/backprop/loop.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import type { CostAndGradient } from "../../src/network/Network.ts";

/** Golden: every reference case's J and every gradient entry within 1e-12·max(1, |expected|). */
const cases = referenceCases();

function expectMatchesReference(actual: CostAndGradient, expected: CostAndGradient): void {
  const tol = (e: number) => 1e-12 * Math.max(1, Math.abs(e));
  expect(Math.abs(actual.J - expected.J), `J: got ${actual.J}, expected ${expected.J}`).toBeLessThanOrEqual(tol(expected.J));
  expected.grad.forEach((E, l) => {
    expect([actual.grad[l].rows, actual.grad[l].cols]).toEqual([E.rows, E.cols]);
    E.data.forEach((e, q) => {
      const a = actual.grad[l].data[q];
      const where = `Θ⁽${l + 1}⁾[${Math.floor(q / E.cols)}][${q % E.cols}]: got ${a}, expected ${e}`;
      expect(Math.abs(a - e), where).toBeLessThanOrEqual(tol(e));
    });
  });
}

describe("hand-written backpropagation matches the independent reference", () => {
  it("has all the reference cases", () => expect(cases.length).toBe(24));
  for (const c of cases) {
    it(`loop: ${c.name} [${c.layerSizes}] ${c.hiddenActivation}/${c.outputActivation} ${c.cost} λ=${c.lambda} m=${c.X.rows}`, () =>
      expectMatchesReference(loopBackprop(c, c.theta), c.expected!));
    it(`batch: ${c.name}`, () => expectMatchesReference(batchBackprop(c, c.theta), c.expected!));
  }
});
