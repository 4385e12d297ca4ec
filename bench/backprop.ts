import { batchBackprop, withExamplesResident } from "../src/backprop/batch.ts";
import { loopBackprop } from "../src/backprop/loop.ts";
import { allCores, parallelBackprop } from "../src/backprop/parallelBackprop.ts";
import { fusedKernelInUse, matchKernel } from "../src/linalg/gemm.ts";
import { fmaPeakGflops } from "./fmaPeak.ts";
import { interleavedMs, medianMs, medianMsSync, type Timing } from "./measure.ts";
import { benchProblem, gradientFlops } from "./problems.ts";
import type { BenchSection } from "./section.ts";
import { tfjsGradient } from "./tfjs.ts";
import { blasNote, torchGradient } from "./torch.ts";

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
    const torch = torchGradient(problem, theta, 15);
    const vsTorch = (ms: number) => ("ms" in torch ? `; ${(ms / torch.ms).toFixed(2)}× torch's time` : "");
    // The two kernels in turn, after both have warmed up on this network: timed one after the
    // other, the first would also pay for the JIT warming up to the new sizes.
    const kernels = interleavedMs(
      {
        batch: () => (matchKernel(fused), batchBackprop(problem, theta)),
        plain: () => (matchKernel(false), batchBackprop(problem, theta)),
      },
      21,
      30,
    );
    matchKernel(fused);
    const batch = kernels.batch.median,
      plain = kernels.plain.median;
    const minNote = (t: Timing) => `; fastest ${t.min.toFixed(1)} ms`;
    // As in gradient descent, where X is copied into the kernel's memory once for all steps.
    // Timed synchronously: X stays resident only while the body runs, not across an await.
    const resident = withExamplesResident(problem, theta, () => medianMsSync(() => batchBackprop(problem, theta), 15, 5));
    const parallel = await medianMs(() => parallelBackprop(problem, theta, { threads: cores }), 15, 3);
    const loop = await medianMs(() => loopBackprop(problem, theta), 5, 1);
    const tfjs = await medianMs(await tfjsGradient(problem, theta), 7);
    const rows = [
      {
        label: `backprop, batch form, 1 thread${fused ? ", fused multiply-add" : ""}`,
        ms: batch,
        extra: `${gflops(batch)}${vsTorch(batch)}${minNote(kernels.batch)}`,
      },
      {
        label: `backprop, batch form, 1 thread, X resident in kernel memory (training)`,
        ms: resident,
        extra: `${gflops(resident)}${vsTorch(resident)}`,
      },
      ...(fused
        ? [
            {
              label: "backprop, batch form, 1 thread, plain SIMD kernel",
              ms: plain,
              extra: `${gflops(plain)}${vsTorch(plain)}${minNote(kernels.plain)}`,
            },
          ]
        : []),
      { label: `backprop, batch form, ${cores} threads (every core)`, ms: parallel, extra: `${gflops(parallel)}${vsTorch(parallel)}` },
      ...("ms" in torch
        ? [
            {
              label: "PyTorch autograd, float64, 1 thread",
              ms: torch.ms,
              extra: `${gflops(torch.ms)}; fastest ${torch.minMs.toFixed(1)} ms; J agrees to ${Math.abs(torch.J - batchBackprop(problem, theta).J).toExponential(1)}`,
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
        ...("ms" in torch && peak !== null
          ? [
              `The goal, 1.5× torch's time, is ${(flops / (1.5 * torch.ms) / 1e6).toFixed(1)} GFLOP/s overall: ${((100 * flops) / (1.5 * torch.ms) / 1e6 / peak).toFixed(0)}% of the f64x2 fused multiply-add peak of this core measured in this run (${peak.toFixed(1)} GFLOP/s; 128-bit WebAssembly SIMD has half the lanes of OpenBLAS's AVX2).`,
            ]
          : []),
        `Medians of 15 runs (loop 5, tfjs 7); the two kernels' rows are medians of 21 runs taken in turn after 30 untimed rounds of each, so that neither pays alone for the JIT warming up on this network. The ${cores}-thread row shares fixed chunks of 512 examples with worker threads; its result is bit for bit the 1-thread one. On a machine shared with other work, it gains only what the other cores have free.`,
        fused
          ? "Fused multiply-add: the WebAssembly relaxed-SIMD kernel; the plain SIMD row is the fallback used where the runtime lacks relaxed SIMD."
          : "Relaxed SIMD is unavailable in this runtime: the plain SIMD kernel ran.",
        "tfjs computes in float32: half the digits of gradcheck's float64 for the same work.",
      ],
    });
  }
  return sections;
}
