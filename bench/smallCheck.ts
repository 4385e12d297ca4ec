import { batchBackprop } from "../src/backprop/batch.ts";
import { referenceCases } from "../src/cli/builtinCases.ts";
import { fdNetworkGradient, fdMethodFor } from "../src/fdnet/fdNetworkGradient.ts";
import { tapeBackprop } from "../src/backprop/tapeBackprop.ts";
import { interleavedMs } from "./measure.ts";
import type { BenchSection } from "./section.ts";
import { blasNote, torchGradient } from "./torch.ts";

/** Calls per timing: one call takes microseconds, below the clock's useful resolution. */
const CALLS = 200;
/** Timings per method, and untimed rounds first (10 × 200 calls: the JIT has settled). */
const RUNS = 15,
  WARMUP_RUNS = 10;

/**
 * The three-way check of a small network — backprop, tape and finite differences of the same
 * J — on the lecture's debugging case, against torch.autograd.gradcheck on the same case.
 */
export async function smallCheckBench(): Promise<BenchSection> {
  const c = referenceCases().find((k) => k.name === "ex4-debug-lambda3")!;
  const method = fdMethodFor(c);
  const calls = (f: () => unknown) => () => {
    for (let r = 0; r < CALLS; r++) f();
  };
  // In turn, after warm-up rounds, as the batch kernels are: each method meets the same load.
  const timed = interleavedMs(
    {
      backprop: calls(() => batchBackprop(c, c.theta)),
      tape: calls(() => tapeBackprop(c, c.theta)),
      fd: calls(() => fdNetworkGradient(c, c.theta, { method })),
    },
    RUNS,
    WARMUP_RUNS,
  );
  const [backprop, tape, fd] = [timed.backprop, timed.tape, timed.fd].map((t) => t.median / CALLS);
  const increments = fdNetworkGradient(c, c.theta, { method }).fd.evaluations - 1;
  const total = backprop + tape + fd;
  const torch = torchGradient(c, c.theta, 15, "gradcheck");
  return {
    title: `The three-way check of ${c.name} (${c.layerSizes.join("-")}, m = ${c.X.rows}, λ = ${c.lambda})`,
    rows: [
      { label: "backprop (batch form)", ms: backprop },
      { label: "tape", ms: tape },
      { label: `finite differences, ${method.name}`, ms: fd },
      { label: "all three", ms: total, extra: "target ≤ 0.19 ms" },
      ...("ms" in torch
        ? [
            {
              label: "torch.autograd.gradcheck, float64, 1 thread",
              ms: torch.ms,
              extra: `${(torch.ms / total).toFixed(0)}× gradcheck's three-way time`,
            },
          ]
        : []),
    ],
    notes: [
      `Each time is the median over ${RUNS} timings of ${CALLS} calls, divided by ${CALLS}, the three methods timed in turn after ${WARMUP_RUNS} untimed rounds.`,
      `Finite differences of every entry by the method \`eval --method fd\` picks for this case: ${increments} increments of J ` +
        `for ${c.theta.reduce((s, T) => s + T.data.length, 0)} entries` +
        (method.kind === "richardson" && method.target !== undefined
          ? `, 3 to ${method.levels} levels each, stopping once the entry's bound is within ${method.target}·max(1, |n|) or stops halving ` +
            `(a fixed ${method.levels} levels, ${2 * method.levels} increments per entry, gives the same worst bound; docs/checker.md).`
          : "."),
      blasNote(torch),
    ],
  };
}
