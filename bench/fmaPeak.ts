import { fileURLToPath } from "node:url";
import { compileWat } from "../scripts/compileWat.ts";
import { relaxedSimdAccepted } from "../src/linalg/simdGemm.ts";
import type { BenchSection } from "./section.ts";

/** Fused multiply-adds per iteration of fmaPeak.wat's loop, 2 lanes each. */
const CHAINS = 12;
const ITERATIONS = 2_000_000;

/**
 * The ceiling for every WebAssembly kernel figure in this report: f64x2.relaxed_madd at full
 * rate on one core (independent chains, no memory traffic). A product reaches a fraction of it.
 */
export async function fmaPeakGflops(): Promise<number | null> {
  if (!relaxedSimdAccepted()) return null;
  const bytes = await compileWat(fileURLToPath(new URL("./fmaPeak.wat", import.meta.url)));
  const { peak } = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports as {
    peak: (iterations: number, x: number) => number;
  };
  // The fastest of many short runs, not the median: a ceiling is what the core does when nothing
  // else runs on it, and on a busy machine only some runs see that.
  let ms = Infinity;
  for (let r = 0; r < 101; r++) {
    const t0 = performance.now();
    peak(ITERATIONS, 0.999);
    ms = Math.min(ms, performance.now() - t0);
  }
  return (ITERATIONS * CHAINS * 2 * 2) / ms / 1e6;
}

export async function fmaPeakBench(): Promise<BenchSection> {
  const gflops = await fmaPeakGflops();
  const flops = ITERATIONS * CHAINS * 2 * 2;
  return {
    title: "The hardware ceiling: f64x2 fused multiply-add on one core",
    rows:
      gflops === null
        ? []
        : [{ label: `${CHAINS} independent f64x2.relaxed_madd chains`, ms: flops / gflops / 1e6, extra: `${gflops.toFixed(1)} GFLOP/s` }],
    notes: [
      gflops === null
        ? "Relaxed SIMD is unavailable in this runtime: no peak measured."
        : "The fastest of 101 runs of 2·10⁶ iterations. WebAssembly SIMD is 128 bits wide (2 float64 lanes), so this is half of what 256-bit AVX2 FMA (OpenBLAS) peaks at on the same core; each product's GFLOP/s is a fraction of it.",
    ],
  };
}
