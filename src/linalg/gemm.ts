import { fmaSimd, plainSimd, worthSimd, type WasmGemm } from "./simdGemm.ts";
import type { Gemm, View } from "./View.ts";

export type { Gemm, View };

/**
 * The one matrix-product kernel: C(i,j) (+)= Σ_p A(i,p)·B(p,j) over strided views.
 *
 * Every product the passes need is this kernel with different strides: A·Bᵀ reads B by
 * columns, Aᵀ·B reads A by columns, and a bias column is skipped by an offset rather than
 * a copy. The 4×4 register block keeps 16 accumulators live so each loaded A and B value
 * is used four times; nothing is allocated here.
 */
let wasm: WasmGemm | undefined;

/**
 * The WebAssembly kernel products run on: fused multiply-add where the runtime accepts relaxed
 * SIMD, plain f64x2 SIMD otherwise; chosen at the first large product and kept, so that every
 * product of a run rounds the same way.
 */
export function wasmKernel(): WasmGemm {
  return (wasm ??= fmaSimd() ?? plainSimd);
}

/** Whether products run on the fused multiply-add kernel (so worker threads can match it). */
export function fusedKernelInUse(): boolean {
  return wasmKernel() !== plainSimd;
}

/** For a worker thread: round exactly as the thread that started it (fused only if available). */
export function matchKernel(fused: boolean): void {
  wasm = (fused ? fmaSimd() : null) ?? plainSimd;
}

/** Large products go to the WebAssembly SIMD kernel, small ones stay in JavaScript. */
export const gemm: Gemm = (m, n, k, A, B, C, accumulate) =>
  worthSimd(m, n, k) ? wasmKernel().gemm(m, n, k, A, B, C, accumulate) : scalarGemm(m, n, k, A, B, C, accumulate);

/**
 * Runs body with data held in the kernel's memory, so the products in it that read data (a
 * batch's X, read by the forward pass and again by Δ⁽¹⁾) copy it once instead of each time.
 */
export function withPinned<T>(data: Float64Array, body: () => T): T {
  return wasmKernel().pinned(data, body);
}

/**
 * The same product in plain JavaScript, for products too small to repay packing the operands
 * into WebAssembly memory.
 * Long because: a 4×4 register-blocked micro-kernel; its sixteen accumulators and hoisted
 * strides stay local to one loop so V8 keeps them in registers (one per line once formatted).
 */
export const scalarGemm: Gemm = (m, n, k, A, B, C, accumulate) => {
  const a = A.data,
    b = B.data,
    c = C.data;
  const ars = A.rs,
    acs = A.cs,
    brs = B.rs,
    bcs = B.cs,
    crs = C.rs,
    ccs = C.cs;
  const m4 = m - (m % 4),
    n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = A.offset + i * ars;
    for (let j = 0; j < n4; j += 4) {
      const b0 = B.offset + j * bcs;
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0;
      let c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0;
      let c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      let pa = a0,
        pb = b0;
      for (let p = 0; p < k; p++) {
        const x0 = a[pa],
          x1 = a[pa + ars],
          x2 = a[pa + 2 * ars],
          x3 = a[pa + 3 * ars];
        const y0 = b[pb],
          y1 = b[pb + bcs],
          y2 = b[pb + 2 * bcs],
          y3 = b[pb + 3 * bcs];
        c00 += x0 * y0;
        c01 += x0 * y1;
        c02 += x0 * y2;
        c03 += x0 * y3;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c12 += x1 * y2;
        c13 += x1 * y3;
        c20 += x2 * y0;
        c21 += x2 * y1;
        c22 += x2 * y2;
        c23 += x2 * y3;
        c30 += x3 * y0;
        c31 += x3 * y1;
        c32 += x3 * y2;
        c33 += x3 * y3;
        pa += acs;
        pb += brs;
      }
      const q = C.offset + i * crs + j * ccs;
      store4(c, q, ccs, c00, c01, c02, c03, accumulate);
      store4(c, q + crs, ccs, c10, c11, c12, c13, accumulate);
      store4(c, q + 2 * crs, ccs, c20, c21, c22, c23, accumulate);
      store4(c, q + 3 * crs, ccs, c30, c31, c32, c33, accumulate);
    }
  }
  // Ragged edges: the right strip (all rows, columns n4..n) and the bottom strip.
  edge(0, m4, n4, n, k, A, B, C, accumulate);
  edge(m4, m, 0, n, k, A, B, C, accumulate);
};

function store4(c: Float64Array, q: number, ccs: number, v0: number, v1: number, v2: number, v3: number, accumulate: boolean): void {
  if (accumulate) {
    c[q] += v0;
    c[q + ccs] += v1;
    c[q + 2 * ccs] += v2;
    c[q + 3 * ccs] += v3;
  } else {
    c[q] = v0;
    c[q + ccs] = v1;
    c[q + 2 * ccs] = v2;
    c[q + 3 * ccs] = v3;
  }
}

function edge(i0: number, i1: number, j0: number, j1: number, k: number, A: View, B: View, C: View, accumulate: boolean): void {
  const a = A.data,
    b = B.data,
    c = C.data;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let s = 0;
      let pa = A.offset + i * A.rs,
        pb = B.offset + j * B.cs;
      for (let p = 0; p < k; p++) {
        s += a[pa] * b[pb];
        pa += A.cs;
        pb += B.rs;
      }
      const q = C.offset + i * C.rs + j * C.cs;
      c[q] = accumulate ? c[q] + s : s;
    }
  }
}
