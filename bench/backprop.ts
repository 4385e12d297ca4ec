import { batchBackprop, withExamplesResident } from "../src/backprop/batch.ts";
import { loopBackprop } from "../src/backprop/loop.ts";
import { allCores, parallelBackprop } from "../src/backprop/parallelBackprop.ts";
import { fusedKernelInUse, matchKernel } from "../src/linalg/gemm.ts";
import { fmaPeakGflops } from "./fmaPeak.ts";
import { interleavedRounds, medianMs, timesOf, type TimedRuns, type Timing } from "./measure.ts";
import { benchProblem, gradientFlops } from "./problems.ts";
import type { BenchSection } from "./section.ts";
import { tfjsGradient } from "./tfjs.ts";
import { blasNote, openTorch } from "./torch.ts";

/** Timed rounds after the warm-up rounds, and runs per body per round. */
const ROUNDS = 8,
  PER_ROUND = 3,
  WARMUP_ROUNDS = 10;

/** batch (one thread, every core, both kernels), loop, PyTorch and tfjs on the same networks and batches, in one run. */
export async function backpropBench(): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  const fused = fusedKernelInUse();
  const cores = allCores();
  const peak = await fmaPeakGflops();
  for (const [sizes, m] of [
    [[400, 25, 10], 5000],
    [[784, 100, 10], 1000],
  ] as const) {
    const { label, problem, theta } = benchProblem([...sizes], m);
    const flops = gradientFlops(sizes, m);
    const gflops = (ms: number) => `${(flops / ms / 1e6).toFixed(1)} GFLOP/s`;
    const torch = await openTorch(problem, theta);
    // gradcheck's kernels, X resident, and PyTorch, a few runs each in turn, after warm-up
    // rounds: each side meets the same load, and neither pays alone for its JIT or allocator
    // warming up on this network. X stays resident only while the synchronous body runs.
    const bodies: Record<string, TimedRuns> = {
      batch: timesOf(() => (matchKernel(fused), batchBackprop(problem, theta))),
      resident: (n) => (matchKernel(fused), withExamplesResident(problem, theta, () => timesOf(() => batchBackprop(problem, theta))(n))),
    };
    if (fused) bodies.plain = timesOf(() => (matchKernel(false), batchBackprop(problem, theta)));
    if (!("missing" in torch)) bodies.torch = (n) => torch.time(n);
    const timed = await interleavedRounds(bodies, ROUNDS, PER_ROUND, WARMUP_ROUNDS);
    if (!("missing" in torch)) torch.close();
    matchKernel(fused);
    const torchTime: Timing | undefined = timed.torch;
    const vsTorch = (t: Timing) =>
      torchTime
        ? `; ${(t.median / torchTime.median).toFixed(2)}× torch's time (fastest against fastest ${(t.min / torchTime.min).toFixed(2)}×)`
        : "";
    const minNote = (t: Timing) => `; fastest ${t.min.toFixed(1)} ms`;
    const parallel = await medianMs(() => parallelBackprop(problem, theta, { threads: cores }), 15, 3);
    const loop = await medianMs(() => loopBackprop(problem, theta), 5, 1);
    const tfjs = await medianMs(await tfjsGradient(problem, theta), 7);
    const row = (label: string, t: Timing) => ({ label, ms: t.median, extra: `${gflops(t.median)}${vsTorch(t)}${minNote(t)}` });
    const rows = [
      row(`backprop, batch form, 1 thread${fused ? ", fused multiply-add" : ""}`, timed.batch),
      row("backprop, batch form, 1 thread, X resident in kernel memory (training)", timed.resident),
      ...(timed.plain ? [row("backprop, batch form, 1 thread, plain SIMD kernel", timed.plain)] : []),
      { label: `backprop, batch form, ${cores} threads (every core)`, ms: parallel, extra: gflops(parallel) },
      ...(torchTime && !("missing" in torch)
        ? [
            {
              label: "PyTorch autograd, float64, 1 thread",
              ms: torchTime.median,
              extra: `${gflops(torchTime.median)}${minNote(torchTime)}; J agrees to ${Math.abs(torch.J - batchBackprop(problem, theta).J).toExponential(1)}`,
            },
          ]
        : []),
      { label: "loop (per-example Δ accumulation, float64)", ms: loop, extra: gflops(loop) },
      { label: "tfjs CPU backend (pure JS, float32)", ms: tfjs, extra: gflops(tfjs) },
    ];
    sections.push({
      title: `J and ∂J/∂Θ, ${label}`,
      rows,
      notes: [
        `${(flops / 1e6).toFixed(0)} MFLOP per gradient (forward, Δ products, hidden δ's).`,
        blasNote(torch),
        ...(torchTime && peak !== null
          ? [
              `The goal, 1.5× torch's time, is ${(flops / (1.5 * torchTime.median) / 1e6).toFixed(1)} GFLOP/s overall: ${((100 * flops) / (1.5 * torchTime.median) / 1e6 / peak).toFixed(0)}% of the f64x2 fused multiply-add peak of this core measured in this run (${peak.toFixed(1)} GFLOP/s; 128-bit WebAssembly SIMD has half the lanes of OpenBLAS's AVX2).`,
            ]
          : []),
        `Medians of ${ROUNDS * PER_ROUND} runs, taken ${PER_ROUND} at a time in turn (gradcheck's kernels, X resident, PyTorch) over ${ROUNDS} rounds after ${WARMUP_ROUNDS} untimed rounds; the ${cores}-thread row 15 runs, loop 5, tfjs 7. The ${cores}-thread row shares fixed chunks of 512 examples with worker threads; its result is bit for bit the 1-thread one. On a machine shared with other work, it gains only what the other cores have free.`,
        fused
          ? "Fused multiply-add: the WebAssembly relaxed-SIMD kernel; the plain SIMD row is the fallback used where the runtime lacks relaxed SIMD."
          : "Relaxed SIMD is unavailable in this runtime: the plain SIMD kernel ran.",
        "tfjs computes in float32: half the digits of gradcheck's float64 for the same work.",
      ],
    });
  }
  return sections;
}
