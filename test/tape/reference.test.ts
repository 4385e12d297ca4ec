import { describe, expect, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { gradientMethods } from "../../src/methods.ts";
import { tapeBackprop } from "../../src/tape/tapeBackprop.ts";

/** Golden: the tape on every reference case, J and every gradient entry within 1e-12·max(1, |expected|). */
const cases = referenceCases();
const tol = (e: number) => 1e-12 * Math.max(1, Math.abs(e));

describe("the tape matches the independent reference", () => {
  it("has all the reference cases, and `eval --method tape` uses the tape", () => {
    expect(cases.length).toBe(24);
    expect(gradientMethods.tape).toBe(tapeBackprop);
  });
  for (const c of cases) {
    it(`${c.name} [${c.layerSizes}] ${c.hiddenActivation}/${c.outputActivation} ${c.cost} λ=${c.lambda} m=${c.X.rows}`, () => {
      const actual = tapeBackprop(c, c.theta), expected = c.expected!;
      expect(Math.abs(actual.J - expected.J), `J: got ${actual.J}, expected ${expected.J}`).toBeLessThanOrEqual(tol(expected.J));
      expected.grad.forEach((E, l) => {
        expect([actual.grad[l].rows, actual.grad[l].cols]).toEqual([E.rows, E.cols]);
        E.data.forEach((e, q) => {
          const a = actual.grad[l].data[q];
          const where = `Θ⁽${l + 1}⁾[${Math.floor(q / E.cols)}][${q % E.cols}]: got ${a}, expected ${e}`;
          expect(Math.abs(a - e), where).toBeLessThanOrEqual(tol(e));
        });
      });
    });
  }
});
