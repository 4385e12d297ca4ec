import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { bigNumberGradient, fdMethodFor, fdNetworkGradient, naiveIncrements } from "../../src/fdnet/index.ts";
import { unroll } from "../../src/network/theta.ts";
import { centralFdm, fdGradientFromIncrements, richardson } from "../../src/numeric/index.ts";
import { buildNetwork, networkShape, seedArb, type NetworkShape } from "../helpers/randomNetwork.ts";

const toTarget = richardson(centralFdm(3), { levels: 6, target: 1e-12 });
const fixed = [3, 4, 5, 6].map((levels) => richardson(centralFdm(3), { levels }));

/**
 * Richardson to a target chooses the number of levels per entry; each entry must then be, bit
 * for bit, what the same method with that many fixed levels gives: the error model is the
 * fixed method's, only the work changes.
 */
describe("Richardson to a target", () => {
  it("gives every entry exactly the estimate and bound of the fixed method at some 3 to 6 levels, with fewer increments", () => {
    fc.assert(
      fc.property(networkShape(), seedArb, (shape, seed) => {
        const { problem, theta } = buildNetwork(shape, seed);
        for (const incs of [() => undefined, () => naiveIncrements(problem, theta)]) {
          const plain = incs();
          const run = (method: typeof toTarget) =>
            plain ? fdGradientFromIncrements(plain, { method }) : fdNetworkGradient(problem, theta, { method }).fd;
          const adaptive = run(toTarget);
          const each = fixed.map(run);
          adaptive.estimate.forEach((v, p) => {
            const same = each.some(
              (f) => Object.is(f.estimate[p], v) && Object.is(f.errorBound[p], adaptive.errorBound[p]) && f.kink[p] === adaptive.kink[p],
            );
            expect(same, `seed ${seed}, entry ${p}: ${v} ± ${adaptive.errorBound[p]}`).toBe(true);
          });
          expect(adaptive.evaluations).toBeLessThanOrEqual(each[3].evaluations);
        }
      }),
      { seed: 20261128, numRuns: 30 },
    );
  });

  it("is certified by the 40-digit oracle: every estimate within its stated bound", () => {
    const shapes: NetworkShape[] = [
      { layerSizes: [2, 3, 2], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 3, m: 3, weightScale: 1 },
      { layerSizes: [2, 2, 2], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 0, m: 2, weightScale: 8 },
      { layerSizes: [2, 3, 1], hidden: "tanh", output: "identity", cost: "squared-error", lambda: 100, m: 2, weightScale: 2 },
    ];
    for (const [s, shape] of shapes.entries()) {
      const { problem, theta } = buildNetwork(shape, 70 + s);
      const truth = unroll(bigNumberGradient(problem, theta).grad);
      const fd = fdNetworkGradient(problem, theta, { method: toTarget }).fd;
      truth.forEach((t, p) => {
        if (fd.kink[p]) return;
        expect(Math.abs(fd.estimate[p] - t), `shape ${s}, entry ${p}`).toBeLessThanOrEqual(fd.errorBound[p] + Number.EPSILON * Math.abs(t));
      });
    }
  });

  it("is what a small case gets by default, and saves increments on the lecture's debugging case", () => {
    const c = referenceCases().find((k) => k.name === "ex4-debug-lambda3")!;
    expect(fdMethodFor(c).name).toBe(toTarget.name);
    const adaptive = fdNetworkGradient(c, c.theta).fd,
      six = fdNetworkGradient(c, c.theta, { method: fixed[3] }).fd;
    expect(six.evaluations).toBe(1 + 12 * 38);
    expect(adaptive.evaluations).toBeLessThan(six.evaluations);
    expect(Math.max(...adaptive.errorBound)).toBeLessThanOrEqual(Math.max(...six.errorBound));
  });

  it("rejects a target that is not a number ≥ 0", () => {
    expect(() => richardson(centralFdm(3), { target: -1 })).toThrow(/target must be a number ≥ 0, got -1/);
    expect(() => richardson(centralFdm(3), { target: NaN })).toThrow(/target must be a number ≥ 0, got NaN/);
  });
});
