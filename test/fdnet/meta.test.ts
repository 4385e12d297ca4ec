import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { loopBackprop, slideD } from "../../src/backprop/loop.ts";
import { compareGradients, type GradientComparison } from "../../src/check/index.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { checkNetworkGradient, fdNetworkGradient, thetaLocate } from "../../src/fdnet/index.ts";
import type { Problem, Theta } from "../../src/network/Network.ts";
import { unroll } from "../../src/network/theta.ts";
import { buildNetwork, networkShape, seedArb } from "../helpers/randomNetwork.ts";

/** Meta-tests: the checker accepts correct gradients and catches planted ones. */
const cases = referenceCases();

function why(c: GradientComparison): string {
  return c.findings
    .map((f) =>
      f.kind === "gradient-mismatch"
        ? `${f.kind}: ${f.worst.map((r) => `${r.label} n=${r.expected} a=${r.actual} tol=${r.tolerance}`).join("; ")}`
        : f.kind,
    )
    .join(" | ");
}

/** Plants δ = 1e-6·max(|g_p|, 1e-3) in each entry in turn; every plant must fail, naming that entry. */
function expectEveryPlantCaught(problem: Problem, theta: Theta, context: string): void {
  const fd = fdNetworkGradient(problem, theta).fd;
  const g = unroll(batchBackprop(problem, theta).grad);
  const locate = thetaLocate(problem.layerSizes);
  for (let p = 0; p < g.length; p++) {
    if (fd.kink[p]) continue;
    const planted = g.slice();
    planted[p] += 1e-6 * Math.max(Math.abs(g[p]), 1e-3);
    const r = compareGradients(planted, fd, { locate });
    expect(r.passed, `${context}: plant in entry ${p} (${locate(p).label}) not caught`).toBe(false);
    expect(r.worst[0].index, context).toBe(p);
  }
}

describe("no false alarm", () => {
  for (const c of cases) {
    it(`${c.name}: backprop and the loop pass`, () => {
      for (const grad of [batchBackprop(c, c.theta).grad, loopBackprop(c, c.theta).grad]) {
        const r = checkNetworkGradient(c, c.theta, grad);
        expect(r.passed, why(r)).toBe(true);
      }
    });
  }

  it("on random correct networks: saturated sigmoids, λ up to 100, m = 1, single units, relu", () => {
    fc.assert(
      fc.property(networkShape(), seedArb, (shape, seed) => {
        const { problem, theta } = buildNetwork(shape, seed);
        const r = checkNetworkGradient(problem, theta, batchBackprop(problem, theta).grad);
        expect(r.passed, `seed ${seed} ${JSON.stringify(shape)}: ${why(r)}`).toBe(true);
      }),
      { seed: 424242, numRuns: 150 },
    );
  });

  it("the extremes named in the issue, one by one", () => {
    const shapes = [
      { layerSizes: [4, 3, 2], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 0, m: 5, weightScale: 12 },
      { layerSizes: [3, 4, 3], hidden: "tanh", output: "sigmoid", cost: "cross-entropy", lambda: 100, m: 4, weightScale: 2 },
      { layerSizes: [1, 1], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 1, m: 1, weightScale: 1 },
      { layerSizes: [1, 1, 1, 1], hidden: "relu", output: "identity", cost: "squared-error", lambda: 3, m: 1, weightScale: 1 },
      { layerSizes: [5, 4, 4, 2], hidden: "relu", output: "sigmoid", cost: "squared-error", lambda: 0.1, m: 6, weightScale: 1 },
    ] as const;
    shapes.forEach((shape, s) => {
      const { problem, theta } = buildNetwork({ ...shape, layerSizes: [...shape.layerSizes] }, 100 + s);
      const r = checkNetworkGradient(problem, theta, batchBackprop(problem, theta).grad);
      expect(r.passed, `${JSON.stringify(shape)}: ${why(r)}`).toBe(true);
    });
  });
});

describe("a planted error of relative size 1e-6 in any one entry is caught", () => {
  for (const name of ["ex4-debug-lambda3", "small-002", "small-011", "wide-009", "saturated-020", "small-005", "small-016"]) {
    it(name, () => {
      const c = cases.find((k) => k.name === name)!;
      expectEveryPlantCaught(c, c.theta, name);
    });
  }

  it("on random networks", () => {
    fc.assert(
      fc.property(networkShape(), seedArb, (shape, seed) => {
        const { problem, theta } = buildNetwork(shape, seed);
        expectEveryPlantCaught(problem, theta, `seed ${seed} ${JSON.stringify(shape)}`);
      }),
      { seed: 99, numRuns: 60 },
    );
  });
});

describe("the lecture slide's D = (1/m)Δ + λΘ", () => {
  it("is caught whenever m ≥ 2 and λ > 0, on weights only, with the entries named", () => {
    fc.assert(
      fc.property(networkShape(fc.constant("sigmoid")), seedArb, (shape, seed) => {
        fc.pre(shape.m >= 2 && shape.lambda > 0);
        const { problem, theta } = buildNetwork({ ...shape, cost: "cross-entropy", weightScale: 1 }, seed);
        const r = checkNetworkGradient(problem, theta, loopBackprop(problem, theta, slideD).grad);
        expect(r.passed, `seed ${seed}`).toBe(false);
        const wrong = r.findings.find((f) => f.kind === "gradient-mismatch");
        expect(
          wrong &&
            wrong.kind === "gradient-mismatch" &&
            wrong.worst.every((e) => e.location!.column >= 1 && /^Θ⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾\[\d+,\d+\]$/.test(e.label)),
        ).toBe(true);
        for (const layer of r.layers) expect(layer.bias!.failed).toBe(0);
      }),
      { seed: 5, numRuns: 40 },
    );
  });

  it("agrees with the corrected formula when m = 1 (the two coincide)", () => {
    const { problem, theta } = buildNetwork(
      { layerSizes: [3, 4, 2], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 3, m: 1, weightScale: 1 },
      11,
    );
    expect(checkNetworkGradient(problem, theta, loopBackprop(problem, theta, slideD).grad).passed).toBe(true);
  });
});
