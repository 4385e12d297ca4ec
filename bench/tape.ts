import { batchBackprop } from "../src/backprop/batch.ts";
import { median } from "../src/cli/median.ts";
import { grad } from "../src/tape/grad.ts";
import { networkCost } from "../src/backprop/networkCost.ts";
import { Tape } from "../src/tape/Tape.ts";
import type { Value } from "../src/tape/Value.ts";
import { benchProblem } from "./problems.ts";
import type { BenchSection } from "./section.ts";

const layerSizes = [400, 25, 10];
const m = 5000;
const runs = 15;

/**
 * Tape against the hand-written batch form on the same network and data, timed alternately
 * (after warm-up) so both see the same machine state; the tape's memory is its own count of
 * the bytes it allocated: recorded op results, plus the gradients alive at the peak.
 */
export async function tapeBench(): Promise<BenchSection> {
  const { label, problem: p, theta } = benchProblem(layerSizes, m);
  const tapeGradient = grad((t: Value[]) => networkCost(p, t));

  for (let w = 0; w < 3; w++) {
    batchBackprop(p, theta);
    tapeGradient(theta);
  }
  const batchMs: number[] = [],
    tapeMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    batchBackprop(p, theta);
    batchMs.push(performance.now() - t0);
    t0 = performance.now();
    tapeGradient(theta);
    tapeMs.push(performance.now() - t0);
  }
  const batch = median(batchMs),
    tape = median(tapeMs);

  const recorder = new Tape();
  const vars = theta.map((T) => recorder.variable(T));
  recorder.backward(networkCost(p, vars));
  const { recordedBytes, peakBytes } = recorder.memory();
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

  return {
    title: `Reverse-mode tape against the hand-written batch form, ${label}`,
    rows: [
      { label: "batch backprop (hand-written)", ms: batch },
      {
        label: "tape: networkCost + backward",
        ms: tape,
        extra: `${(tape / batch).toFixed(2)}× batch (target ≤ 1.25×); peak memory ${mb(peakBytes)} (${mb(recordedBytes)} of recorded values, ${recorder.size} entries)`,
      },
    ],
    notes: [
      `Medians of ${runs} alternating runs after 3 warm-ups; same Θ and data (benchProblem, seed 1), sigmoid/cross-entropy, λ = 1.`,
      "The tape reads X and Θ in place: z = [1 | a]·Θᵀ is one fused op over strided views (no bias column is built, Θ's weights are not copied).",
      "Peak memory is the tape's own count: bytes of op results it recorded plus the gradients alive at once during backward (X, Y and Θ, which it only reads, excluded).",
    ],
  };
}
