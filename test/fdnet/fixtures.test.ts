import { describe, expect, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { gradientMethods } from "../../src/methods.ts";
import { unroll } from "../../src/network/theta.ts";

/** Golden: `eval --method fd` (the registry's fd) against the independent reference, within 1e-8·max(1, |expected|). */
describe("finite differences match every reference fixture", () => {
  const cases = referenceCases();
  it("has the 24 fixtures", () => expect(cases.length).toBe(24));
  for (const c of cases) {
    it(`${c.name} [${c.layerSizes}] ${c.hiddenActivation}/${c.outputActivation} ${c.cost} λ=${c.lambda} m=${c.X.rows}`, () => {
      const { J, grad } = gradientMethods.fd(c, c.theta);
      const expected = c.expected!;
      expect(Math.abs(J - expected.J)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(expected.J)));
      const a = unroll(grad), e = unroll(expected.grad);
      expect(a.length).toBe(e.length);
      e.forEach((v, p) => expect(Math.abs(a[p] - v), `entry ${p}: got ${a[p]}, expected ${v}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(v))));
    });
  }
});
