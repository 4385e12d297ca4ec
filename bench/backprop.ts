import { batchBackprop } from "../src/backprop/batch.ts";
import { loopBackprop } from "../src/backprop/loop.ts";
import { medianMs } from "./measure.ts";
import { benchProblem, gradientFlops } from "./problems.ts";
import type { BenchSection } from "./section.ts";
import { tfjsGradient } from "./tfjs.ts";

/** loop, batch and tfjs's CPU backend on the same networks and batches, measured in one run. */
export async function backpropBench(): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  for (const [sizes, m] of [[[400, 25, 10], 5000], [[784, 100, 10], 1000]] as const) {
    const { label, problem, theta } = benchProblem([...sizes], m);
    const flops = gradientFlops(sizes, m);
    const batch = await medianMs(() => batchBackprop(problem, theta), 15);
    const loop = await medianMs(() => loopBackprop(problem, theta), 5, 1);
    const tfjs = await medianMs(await tfjsGradient(problem, theta), 7);
    const gflops = (ms: number) => `${(flops / ms / 1e6).toFixed(2)} GFLOP/s`;
    sections.push({
      title: `J and ∂J/∂Θ, ${label}`,
      rows: [
        { label: "backprop (batch form, float64)", ms: batch, extra: `${gflops(batch)}; ${(tfjs / batch).toFixed(1)}× faster than tfjs` },
        { label: "loop (per-example Δ accumulation, float64)", ms: loop, extra: gflops(loop) },
        { label: "tfjs CPU backend (pure JS, float32)", ms: tfjs, extra: gflops(tfjs) },
      ],
      notes: [
        `${(flops / 1e6).toFixed(0)} MFLOP per gradient (forward, Δ products, hidden δ's).`,
        "tfjs computes in float32: half the digits of gradcheck's float64 for the same work.",
      ],
    });
  }
  return sections;
}
