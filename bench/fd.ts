import { zeros, type Matrix } from "../src/linalg/Matrix.ts";
import type { Problem } from "../src/network/Network.ts";
import { randomInitialTheta } from "../src/network/init.ts";
import { rng, type Rng } from "../src/numeric/random.ts";
import { costFunction } from "../src/network/costFunction.ts";
import { batchBackprop } from "../src/backprop/batch.ts";
import { roll, unroll } from "../src/network/theta.ts";
import { directionalCheck } from "../src/check/index.ts";
import { centralFdm, fdGradientFromIncrements } from "../src/numeric/index.ts";
import { fdNetworkGradient, fdMethodFor } from "../src/fdnet/fdNetworkGradient.ts";
import { naiveIncrements } from "../src/fdnet/naiveIncrements.ts";
import { medianMs } from "./measure.ts";
import type { BenchSection } from "./section.ts";

/**
 * 20×20 grey-level "digits": a few thick strokes on a zero background, so that, as in
 * handwritten-digit data, most pixels are exactly 0.
 */
export function digitImages(m: number, random: Rng): { X: Matrix; Y: Matrix } {
  const side = 20,
    K = 10;
  const X = zeros(m, side * side),
    Y = zeros(m, K);
  for (let e = 0; e < m; e++) {
    const strokes = 2 + Math.floor(random() * 3);
    for (let s = 0; s < strokes; s++) {
      let r = 3 + random() * 14,
        c = 3 + random() * 14;
      const dr = random() * 2 - 1,
        dc = random() * 2 - 1,
        len = 4 + random() * 8;
      for (let step = 0; step < len; step++, r += dr, c += dc) {
        for (let pr = -1; pr <= 1; pr++)
          for (let pc = -1; pc <= 1; pc++) {
            const rr = Math.round(r) + pr,
              cc = Math.round(c) + pc;
            if (rr < 0 || rr >= side || cc < 0 || cc >= side) continue;
            const q = e * side * side + rr * side + cc;
            X.data[q] = Math.min(1, X.data[q] + (pr === 0 && pc === 0 ? 0.9 : 0.35) * (0.5 + 0.5 * random()));
          }
      }
    }
    Y.data[e * K + Math.floor(random() * K)] = 1;
  }
  return { X, Y };
}

function digitProblem(m = 5000, seed = 4): { problem: Problem; theta: Matrix[] } {
  const random = rng(seed);
  const { X, Y } = digitImages(m, random);
  const layerSizes = [400, 25, 10];
  const problem: Problem = { layerSizes, hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy", lambda: 1, X, Y };
  return { problem, theta: randomInitialTheta(layerSizes, random) };
}

/** Exhaustive vs naive finite differences on 400-25-10 at m = 5000, and the directional check. */
export async function fdBench(): Promise<BenchSection> {
  const { problem, theta } = digitProblem();
  const P = unroll(theta).length;
  const zerosShare = problem.X.data.reduce((n, v) => n + (v === 0 ? 1 : 0), 0) / problem.X.data.length;

  let t0 = performance.now();
  const exhaustive = fdNetworkGradient(problem, theta, { method: centralFdm(3) });
  const exhaustiveMs = performance.now() - t0;

  // What `--method fd` picks at this size: two steps and one extrapolation, 4 increments per entry.
  t0 = performance.now();
  const extrapolated = fdNetworkGradient(problem, theta, { method: fdMethodFor(problem) });
  const extrapolatedMs = performance.now() - t0;
  const worstBound = extrapolated.fd.errorBound.reduce((w, e) => Math.max(w, e), 0);

  // The same network on dense inputs (no zero pixels): what skipping zero activations saves.
  const dense: Problem = { ...problem, X: { ...problem.X, data: problem.X.data.map((v) => 0.05 + 0.9 * v) } };
  // The goal's row: the median of three runs, as one run on a shared machine can meet a burst of load.
  const denseMs = await medianMs(() => fdNetworkGradient(dense, theta, { method: centralFdm(3) }), 3, 0);

  // Naive: 2 full forward passes per parameter; timed on a sample spread over both layers.
  const sample = Array.from({ length: 40 }, (_, k) => Math.floor((k * P) / 40));
  t0 = performance.now();
  const naive = fdGradientFromIncrements(naiveIncrements(problem, theta), { method: centralFdm(3), indices: sample });
  const naiveSampleMs = performance.now() - t0;
  const naiveMs = (naiveSampleMs / sample.length) * P;
  let agree = 0;
  for (const p of sample) agree = Math.max(agree, Math.abs(naive.estimate[p] - exhaustive.fd.estimate[p]));

  const grad = unroll(batchBackprop(problem, theta).grad);
  const x = unroll(theta);
  t0 = performance.now();
  const directional = directionalCheck((v) => costFunction(problem, roll(v, problem.layerSizes)), grad, x, {
    random: rng(7),
    directions: 1,
  });
  const directionalMs = performance.now() - t0;

  let vsBackprop = 0;
  exhaustive.fd.estimate.forEach((v, p) => (vsBackprop = Math.max(vsBackprop, Math.abs(v - grad[p]))));

  return {
    title: "Finite differences: 400-25-10, m = 5000, all 10,285 parameters",
    rows: [
      {
        label: "exhaustive central FD (cached activations, rank-1 updates)",
        ms: exhaustiveMs,
        extra: `${((exhaustiveMs / P) * 1000).toFixed(0)} µs/parameter; max |FD − backprop| ${vsBackprop.toExponential(1)}`,
      },
      {
        label: `exhaustive, ${extrapolated.fd.method} (what --method fd uses here)`,
        ms: extrapolatedMs,
        extra: `worst a-posteriori error bound ${worstBound.toExponential(1)}`,
      },
      {
        label: "exhaustive central FD, dense inputs (no zero pixels)",
        ms: denseMs,
        extra: `×${(denseMs / exhaustiveMs).toFixed(1)} the sparse time; target ≤ 3 s on one thread`,
      },
      {
        label: "naive central FD (2P full forward passes), extrapolated",
        ms: naiveMs,
        extra: `from ${sample.length} parameters in ${naiveSampleMs.toFixed(0)} ms; ×${(naiveMs / exhaustiveMs).toFixed(0)} the exhaustive time`,
      },
      {
        label: "directional check (1 random unit direction, Richardson)",
        ms: directionalMs,
        extra: `|gᵀv − FD| ${directional.directions[0].absError.toExponential(1)}, ${directional.passed ? "passed" : "FAILED"}`,
      },
    ],
    notes: [
      `One run each (the dense row: the median of three) on the same network and data (seeded). X: synthetic 20×20 stroke images, ${(zerosShare * 100).toFixed(0)}% of pixels exactly 0, as in handwritten digits; zero inputs are skipped.`,
      `Naive time = (time for ${sample.length} sampled parameters) / ${sample.length} × ${P}: extrapolated, not measured in full. The two agree to ${agree.toExponential(1)} on the sample.`,
      "The directional check costs O(1) cost evaluations whatever P is, but cannot say which entry is wrong.",
    ],
  };
}
