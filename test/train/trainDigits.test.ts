import { beforeAll, describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { loopBackprop, slideD } from "../../src/backprop/loop.ts";
import type { CostAndGradient, Problem, Theta } from "../../src/network/Network.ts";
import { rng } from "../../src/numeric/random.ts";
import { thetaLocate } from "../../src/fdnet/index.ts";
import { oneHot, subset } from "../../src/train/Digits.ts";
import { loadDigits } from "../../src/train/loadDigits.ts";
import { slideLambdaGradient } from "../../src/train/slideLambdaGradient.ts";
import { splitDigits, type Split } from "../../src/train/splitDigits.ts";
import { checkpointSteps, defaultTrainSettings, digitNetwork, trainDigits, type TrainSettings } from "../../src/train/trainDigits.ts";

// A small fixed subset of the real digits keeps each run to a second or two.
let split: Split;
beforeAll(() => {
  const loaded = loadDigits();
  if (!loaded.ok) throw new Error(loaded.error);
  split = splitDigits(loaded.value, 300, 100, rng(11));
});
const small: TrainSettings = { ...defaultTrainSettings, hidden: [8], rate: 1, iterations: 30, checkpoints: 2, checkSample: 20 };

describe("training on real digits", () => {
  it("lowers the cost at every step and learns something; every check runs and passes", () => {
    const run = trainDigits(split, small);
    expect(run.steps).toBe(30);
    expect(run.costHistory).toHaveLength(31);
    for (let t = 1; t < run.costHistory.length; t++) expect(run.costHistory[t]).toBeLessThan(run.costHistory[t - 1]);
    expect(run.train.confusion.accuracy).toBeGreaterThan(0.3); // chance is 0.1
    // before step 0, at steps 10 and 20, after the last
    expect(run.checks.map((c) => c.iteration)).toEqual([0, 10, 20, 30]);
    for (const c of run.checks) {
      expect(c.passed).toBe(true);
      expect(c.tape.entries).toBe(8 * 785 + 10 * 9);
      expect(c.fd.entries).toBe(40);
      expect(c.directional.directions).toHaveLength(2);
      expect(c.worstRelError).toBeLessThan(1e-6);
    }
    expect(run.stoppedBy).toBeNull();
  });

  it("is reproducible from its seed", () => {
    const a = trainDigits(split, { ...small, iterations: 5 }),
      b = trainDigits(split, { ...small, iterations: 5 });
    expect(a.costHistory).toEqual(b.costHistory);
    expect(Array.from(a.theta[1].data)).toEqual(Array.from(b.theta[1].data));
  });
});

describe("a planted wrong gradient stops the run at the next check", () => {
  /** The batch backprop with one entry of ∂J/∂Θ⁽¹⁾ off by `by` while `broken()` says so. */
  const planted =
    (entry: number, by: number, broken: () => boolean) =>
    (problem: Problem, theta: Theta): CostAndGradient => {
      const r = batchBackprop(problem, theta);
      if (broken()) r.grad[0].data[entry] += by;
      return r;
    };

  it("before the first step, naming the entry", () => {
    const entry = 3 * 785 + 400;
    const run = trainDigits(split, { ...small, gradient: planted(entry, 1e-3, () => true) });
    expect(run.steps).toBe(0);
    expect(run.checks).toHaveLength(1);
    expect(run.stoppedBy?.iteration).toBe(0);
    expect(run.stoppedBy?.tape.passed).toBe(false);
    expect(run.stoppedBy?.tape.failed).toBe(1);
    expect(run.stoppedBy?.tape.worst[0].label).toBe(thetaLocate(digitNetwork([8]).layerSizes)(entry).label);
    expect(run.stoppedBy?.directional.passed).toBe(false);
  });

  it("when it appears mid-run: the run stops at the checkpoint after it", () => {
    let step = 0;
    const run = trainDigits(split, { ...small, gradient: planted(5, 0.05, () => step >= 12) }, { onStep: (i) => void (step = i + 1) });
    expect(run.checks.map((c) => [c.iteration, c.passed])).toEqual([
      [0, true],
      [10, true],
      [20, false],
    ]);
    expect(run.steps).toBe(20);
    expect(run.stoppedBy?.iteration).toBe(20);
    expect(run.costHistory).toHaveLength(21);
  });

  it("the slide's D fails every check but can still be followed on request", () => {
    const run = trainDigits(split, { ...small, iterations: 10, gradient: slideLambdaGradient, stopOnFailure: false });
    expect(run.steps).toBe(10);
    expect(run.checks.every((c) => !c.passed)).toBe(true);
  });
});

describe("pieces", () => {
  it("slideLambdaGradient is the per-example loop with the slide's D, at batch speed", () => {
    const network = digitNetwork([6]);
    const digits = subset(split.train, [0, 1, 2, 3, 4, 5, 6, 7]);
    const problem: Problem = { ...network, lambda: 3, X: digits.X, Y: oneHot(digits.labels) };
    const random = rng(5);
    const theta = network.layerSizes.slice(1).map((rows, l) => {
      const cols = network.layerSizes[l] + 1;
      return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => random() - 0.5) };
    });
    const fast = slideLambdaGradient(problem, theta),
      loop = loopBackprop(problem, theta, slideD);
    expect(fast.J).toBeCloseTo(loop.J, 12);
    fast.grad.forEach((D, l) =>
      D.data.forEach((x, q) => expect(Math.abs(x - loop.grad[l].data[q])).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)))),
    );
  });

  it("checkpoints are evenly spaced and never the last step", () => {
    expect([...checkpointSteps(400, 3)]).toEqual([0, 100, 200, 300]);
    expect([...checkpointSteps(2, 3)]).toEqual([0, 1]);
  });
});
