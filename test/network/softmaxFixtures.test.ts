import { describe, expect, it } from "vitest";
import { softmaxCases } from "../../src/cli/builtinCases.ts";
import { bigNumberGradient } from "../../src/fdnet/bigNumberGradient.ts";
import { fdNetworkGradient } from "../../src/fdnet/fdNetworkGradient.ts";
import { gradientMethods, methodNames } from "../../src/methods.ts";
import { parameterCount, unroll } from "../../src/network/theta.ts";
import { thetaEntryAt, thetaEntryName } from "../../src/network/thetaEntry.ts";
import { rng } from "../../src/numeric/random.ts";
import { caseTitle, expectMatchesReference } from "../helpers/expectMatchesReference.ts";

const rtol = 1e-12;
/** The 40-digit oracle costs ~0.7 s per entry on the 1025-parameter case: it is certified at a seeded sample. */
const oracleSample = 24;

/**
 * Golden: the softmax + categorical cross-entropy cases, whose expected J and ∂J/∂Θ come from
 * an independent float64 autodiff system, matched by every gradient method within
 * 1e-12·max(1, |expected|).
 */
describe("every method matches the softmax reference fixtures", () => {
  const cases = softmaxCases();
  it("reads all twelve, each with a softmax output and an expected answer", () => {
    expect(cases.map((c) => c.name).sort()).toEqual([
      "softmax-001",
      "softmax-003",
      "softmax-004",
      "softmax-005",
      "softmax-006",
      "softmax-007",
      "softmax-008",
      "softmax-009",
      "softmax-010",
      "softmax-011",
      "softmax-medium-000",
      "softmax-saturated-002",
    ]);
    for (const c of cases) expect([c.outputActivation, c.cost, c.expected !== undefined]).toEqual(["softmax", "cross-entropy", true]);
  });
  for (const method of methodNames) {
    describe(method, () => {
      for (const c of cases) {
        const large = method === "fd-bignumber" && parameterCount(c.layerSizes) > 200;
        if (method === "fd") {
          // Finite differences state an error bound per entry; an entry is held to 1e-12 or to
          // that bound, whichever is larger (on the 1025-parameter case a few bounds exceed 1e-12).
          it(caseTitle(c), () => {
            const { J, grad, fd } = fdNetworkGradient(c, c.theta);
            expect(Math.abs(J - c.expected!.J)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(c.expected!.J)));
            const want = unroll(c.expected!.grad),
              got = unroll(grad);
            want.forEach((e, p) => {
              const where = `${thetaEntryName(thetaEntryAt(p, c.layerSizes))}: got ${got[p]}, expected ${e}, bound ${fd.errorBound[p]}`;
              expect(Math.abs(got[p] - e), where).toBeLessThanOrEqual(Math.max(rtol * Math.max(1, Math.abs(e)), fd.errorBound[p]));
            });
          });
          continue;
        }
        if (!large) {
          it(caseTitle(c), () => expectMatchesReference(gradientMethods[method](c, c.theta), c.expected!, rtol));
          continue;
        }
        it(`${caseTitle(c)} at ${oracleSample} seeded entries`, () => {
          const random = rng(15),
            n = parameterCount(c.layerSizes);
          const indices = [...new Set(Array.from({ length: oracleSample }, () => Math.floor(random() * n)))];
          const oracle = bigNumberGradient(c, c.theta, 40, indices);
          expect(Math.abs(oracle.J - c.expected!.J)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(c.expected!.J)));
          for (const p of indices) {
            const { layer, row, column } = thetaEntryAt(p, c.layerSizes);
            const e = c.expected!.grad[layer].data[row * c.theta[layer].cols + column];
            const a = oracle.grad[layer].data[row * c.theta[layer].cols + column];
            expect(Math.abs(a - e), `${thetaEntryName({ layer, row, column })}: got ${a}, expected ${e}`).toBeLessThanOrEqual(
              rtol * Math.max(1, Math.abs(e)),
            );
          }
        }, 120_000);
      }
    });
  }
});
