import { CHUNK_EXAMPLES } from "../src/backprop/chunks.ts";
import type { Gemm, View } from "../src/linalg/gemm.ts";
import { fmaSimd, plainSimd } from "../src/linalg/simdGemm.ts";
import { rng } from "../src/numeric/random.ts";
import { fmaPeakGflops } from "./fmaPeak.ts";
import { interleavedMs } from "./measure.ts";
import type { BenchSection } from "./section.ts";

/**
 * Each product of one chunk of the batch backprop (512 examples) on 400-25-10 and 784-100-10,
 * alone, on each WebAssembly kernel: where the time of a gradient goes and what each kernel
 * achieves.
 */
export async function productsBench(): Promise<BenchSection[]> {
  const peak = await fmaPeakGflops();
  const kernels: Array<[string, Gemm]> = [["plain SIMD", plainSimd.gemm]];
  const fma = fmaSimd();
  if (fma) kernels.push(["fused multiply-add", fma.gemm]);
  return [productsOf(400, 25, 10, kernels, peak), productsOf(784, 100, 10, kernels, peak)];
}

function productsOf(s1: number, s2: number, K: number, kernels: Array<[string, Gemm]>, peak: number | null): BenchSection {
  const m = CHUNK_EXAMPLES;
  const random = rng(3);
  const fill = (n: number) => Float64Array.from({ length: n }, () => random() - 0.5);
  const X = fill(m * s1),
    W1T = fill(s1 * s2),
    T2 = fill(K * (s2 + 1)),
    W2T = fill(s2 * K),
    A2 = fill(m * s2),
    d3 = fill(m * K),
    d2 = fill(m * s2);
  const out = new Float64Array(m * (s1 + 1));
  const v = (data: Float64Array, offset: number, rs: number, cs: number): View => ({ data, offset, rs, cs });
  const products: Array<[string, number, number, number, View, View, View]> = [
    ["z⁽²⁾ = X·W⁽¹⁾ᵀ", m, s2, s1, v(X, 0, s1, 1), v(W1T, 0, s2, 1), v(out, 0, s2, 1)],
    ["z⁽³⁾ = a⁽²⁾·W⁽²⁾ᵀ", m, K, s2, v(A2, 0, s2, 1), v(W2T, 0, K, 1), v(out, 0, K, 1)],
    ["Δ⁽²⁾ = δ⁽³⁾ᵀ·a⁽²⁾", K, s2, m, v(d3, 0, 1, K), v(A2, 0, s2, 1), v(out, 1, s2 + 1, 1)],
    ["δ⁽²⁾ = δ⁽³⁾·W⁽²⁾", m, s2, K, v(d3, 0, K, 1), v(T2, 1, s2 + 1, 1), v(out, 0, s2, 1)],
    ["Δ⁽¹⁾ = δ⁽²⁾ᵀ·X", s2, s1, m, v(d2, 0, 1, s2), v(X, 0, s1, 1), v(out, 1, s1 + 1, 1)],
  ];
  const rows = [];
  for (const [name, pm, pn, pk, A, B, C] of products) {
    // Many calls per timing: the small products take microseconds. The kernels take turns.
    const reps = Math.max(1, Math.round(2e7 / (pm * pn * pk)));
    const times = interleavedMs(
      Object.fromEntries(
        kernels.map(([kernelName, gemm]) => [
          kernelName,
          () => {
            for (let r = 0; r < reps; r++) gemm(pm, pn, pk, A, B, C, false);
          },
        ]),
      ),
      11,
      3,
    );
    for (const [kernelName] of kernels) {
      const ms = times[kernelName].median / reps;
      const gflops = (2 * pm * pn * pk) / ms / 1e6;
      rows.push({
        label: `${name} (${pm}×${pk} · ${pk}×${pn}), ${kernelName}`,
        ms,
        extra: `${gflops.toFixed(1)} GFLOP/s (fastest ${((2 * pm * pn * pk * reps) / times[kernelName].min / 1e6).toFixed(1)})${peak === null ? "" : `, ${((100 * gflops) / peak).toFixed(0)}% of the f64x2 FMA peak`}`,
      });
    }
  }
  return {
    title: `Each product of one ${m}-example chunk of ${s1}-${s2}-${K}, per WebAssembly kernel`,
    rows,
    notes: [
      "Each includes copying its operands into WebAssembly memory, as in the gradient (there X is copied once for both of its products, and W⁽¹⁾ᵀ once for every chunk). The forward products read Wᵀ laid out row by row, as the gradient lays it out once per call.",
      ...(peak === null ? [] : [`The f64x2 fused multiply-add peak measured in this run: ${peak.toFixed(1)} GFLOP/s.`]),
      kernels.length > 1
        ? "Both kernels ran, in turn: this runtime accepts relaxed SIMD."
        : "Relaxed SIMD is unavailable in this runtime: only the plain SIMD kernel ran.",
    ],
  };
}
