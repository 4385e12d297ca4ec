import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { costNoise } from "../../src/judge/costNoise.ts";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { againstOwnCost } from "../../src/judge/ownCostVerdict.ts";
import { selfConsistency } from "../../src/judge/caseTolerances.ts";
import { costFunction } from "../../src/network/costFunction.ts";
import { roll, unroll } from "../../src/network/theta.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";
import { courseStyles } from "../helpers/courseStyles.ts";

const c = { ...diagnosticCases[0], lambda: 0 };
const theta = unroll(c.theta);
const exactJ = (x: Float64Array) => costFunction(c, roll(x, c.layerSizes));
const exactGrad = (x: Float64Array) => unroll(batchBackprop(c, roll(x, c.layerSizes)).grad);
/** Deterministic rounding-like noise of the given size: a hash of the point's bits. */
const noise = (amplitude: number) => (x: Float64Array) => {
  let h = 0;
  for (let q = 0; q < x.length; q++) h = (Math.sin(h * 12.9898 + x[q] * 78.233 + q) * 43758.5453) % 1;
  return amplitude * h;
};
/** J and a gradient at the points of a line through Θ, as (b) asks for them. */
const pointsOnLine = (J: (x: Float64Array) => number) =>
  new Map(
    [-0.1, -0.05, -0.01, 0, 0.01, 0.05, 0.1].map((t) => {
      const x = theta.map((v, q) => v + t * ((q % 3) - 1));
      return [x, J(x)] as const;
    }),
  );

describe("costNoise: the scatter of the submission's J around gradcheck's, not its offset", () => {
  it("a right J has none, a smoothly wrong J (a regulariser that should not be there) almost none", () => {
    expect(costNoise(c, theta, pointsOnLine(exactJ))).toBeLessThan(1e-14);
    const smooth = (x: Float64Array) => exactJ(x) + 0.1 * x.reduce((s, v) => s + v * v, 0);
    expect(costNoise(c, theta, pointsOnLine(smooth))).toBeLessThan(1e-6);
  });
  it("rounding noise of 3e-10 shows as such", () => {
    const noisy = (x: Float64Array) => exactJ(x) + noise(3e-10)(x);
    const n = costNoise(c, theta, pointsOnLine(noisy));
    expect(n).toBeGreaterThan(5e-11);
    expect(n).toBeLessThan(1e-9);
  });
});

describe("(b) beside a noisy J: the noise is budgeted, a wrong gradient is not", () => {
  const noisyJ = (x: Float64Array) => exactJ(x) + noise(3e-10)(x);
  const noisy = (scale: number) =>
    inProcessImplementation(
      (p) => ({ J: noisyJ(Float64Array.from(p)), grad: exactGrad(Float64Array.from(p)).map((g) => g * scale) }),
      "noisy",
    );
  it("a right gradient beside a J with 3e-10 of noise passes (a) and (b)", async () => {
    const v = await judgeCase(c, noisy(1));
    expect(v.findings).toEqual([]);
  });
  it("a gradient wrong by 1e-6 relative beside the same J is caught", async () => {
    const v = await judgeCase(c, noisy(1 + 1e-6));
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.problem)).toContain("gradient-mismatch");
  });
  it("a right J with a wrong gradient is still self-inconsistent: a J that is wrong at Θ gets no noise budget", async () => {
    const smooth = (x: Float64Array) => exactJ(x) + 0.01 * x.reduce((s, v) => s + v * v, 0);
    const implementation = inProcessImplementation(
      (p) => ({ J: smooth(Float64Array.from(p)), grad: exactGrad(Float64Array.from(p)) }),
      "wrong J",
    );
    const b = await againstOwnCost(c, { J: smooth(theta), grad: exactGrad(theta) }, implementation, selfConsistency);
    expect(b?.problem).toBe("self-inconsistent");
  });
});

// The naive log(1 − h) at z ≈ 13–36 with label 0 rounds J by up to a few 1e-10 and, right at the
// edge of saturation, by far more; (b) failed the per-example loop on these seeds before J's own
// noise was budgeted (seed 8 off by 1.3e-2, 11 by 8.6e-6, 15 by 1.4e-6, 16 by 1.1e-3).
describe("a correct naive-log loop passes on the seeds where its J's noise once failed (b)", () => {
  const [loop] = Object.values(courseStyles);
  for (const seed of [8, 11, 15, 16]) {
    it(`seed ${seed}`, async () => {
      const fn = loop({ hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy" });
      const report = await checkImplementation(inProcessImplementation(fn, "loop"), { seed, runs: 100, allowUnstableCost: true });
      expect(report.findings).toEqual([]);
      expect(report.passed).toBe(true);
    }, 120_000);
  }
});

// Where J curves on a scale far below (b)'s step (here an output's z is 34,398 and the step is
// sized to the weight 42), even gradcheck's exact J fails the difference quotient: (b) is
// silent there for everyone. The family's own correct example once failed seed 5 this way.
describe("(b) judges only where finite differences of the exact J hold", () => {
  it("the softmax-relu example passes the case that failed it", async () => {
    const { nnCostFunction } = (await import(new URL("../../examples/families/softmax-relu/nnCostFunction.mjs", import.meta.url).href)) as {
      nnCostFunction: NnCostFunction;
    };
    const steep: LabelledCase = {
      name: "steep",
      layerSizes: [3, 1, 1, 4],
      hiddenActivation: "relu",
      outputActivation: "softmax",
      cost: "cross-entropy",
      lambda: 0,
      X: fromRows([[0, -0.7, 0]]),
      Y: fromRows([[0, 0, 0, 1]]),
      labels: [3],
      theta: [
        fromRows([[0, 0, -30, 0]]),
        fromRows([[0, 42]]),
        fromRows([
          [0, 0],
          [0, 0],
          [0, 39],
          [9, 39],
        ]),
      ],
    };
    const v = await judgeCase(steep, inProcessImplementation(nnCostFunction, "softmax-relu"));
    expect(v.findings).toEqual([]);
  });
});
