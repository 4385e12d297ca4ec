import type { Gemm } from "./gemm.ts";
import { gemmWasmBase64 } from "./gemmWasmBytes.ts";

type Kernel = (
  m: number, n: number, k: number,
  a: number, ars: number, acs: number,
  b: number, brs: number,
  c: number, crs: number, accumulate: number,
) => void;

const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(gemmWasmBase64, "base64")));
const memory = instance.exports.memory as WebAssembly.Memory;
const kernel = instance.exports.gemm as Kernel;

/**
 * Rows of B handled per kernel call. 128 rows of a 400-wide B are 400 KB: the panel stays in
 * L2 while every 4-row block of A streams past it.
 */
const KC = 128;

/** Below this many multiply-adds, packing into WebAssembly memory costs more than SIMD saves. */
const SIMD_MIN_WORK = 1 << 15;

export function worthSimd(m: number, n: number, k: number): boolean {
  return m >= 4 && n >= 4 && m * n * k >= SIMD_MIN_WORK;
}

function heapOf(elements: number): Float64Array {
  const bytes = elements * 8;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  return new Float64Array(memory.buffer);
}

const roundUp4 = (x: number) => (x + 3) & ~3;

/**
 * gemm through the WebAssembly SIMD kernel. The operands are packed into WebAssembly memory
 * as contiguous row-major blocks padded with zeros to multiples of 4 — A as mUp×k, B as
 * k×nUp (this is where A·Bᵀ's transpose happens), C as an mUp×nUp scratch — so the kernel
 * never meets a ragged edge (a scalar edge loop over a 1-wide strip was measured slower than
 * the whole SIMD product). Packing is O(mk + kn + mn) against the product's O(mnk).
 */
export const simdGemm: Gemm = (m, n, k, A, B, C, accumulate) => {
  const mUp = roundUp4(m), nUp = roundUp4(n);
  const aBase = 0, bBase = mUp * k, cBase = bBase + ((k * nUp + 1) & ~1);
  const heap = heapOf(cBase + mUp * nUp);

  const a = A.data;
  if (A.cs === 1 && A.rs === k) heap.set(a.subarray(A.offset, A.offset + m * k), aBase);
  else for (let i = 0; i < m; i++) {
    const from = A.offset + i * A.rs, to = aBase + i * k;
    if (A.cs === 1) heap.set(a.subarray(from, from + k), to);
    else for (let p = 0; p < k; p++) heap[to + p] = a[from + p * A.cs];
  }
  heap.fill(0, aBase + m * k, aBase + mUp * k);

  const b = B.data;
  if (B.cs === 1 && B.rs === n && n === nUp) heap.set(b.subarray(B.offset, B.offset + k * n), bBase);
  else for (let p = 0; p < k; p++) {
    const from = B.offset + p * B.rs, to = bBase + p * nUp;
    if (B.cs === 1) heap.set(b.subarray(from, from + n), to);
    else for (let j = 0; j < n; j++) heap[to + j] = b[from + j * B.cs];
    for (let j = n; j < nUp; j++) heap[to + j] = 0;
  }

  for (let p0 = 0; p0 < k; p0 += KC) {
    kernel(
      mUp, nUp, Math.min(KC, k - p0),
      (aBase + p0) * 8, k * 8, 8,
      (bBase + p0 * nUp) * 8, nUp * 8,
      cBase * 8, nUp * 8, p0 > 0 ? 1 : 0,
    );
  }
  if (k === 0) heap.fill(0, cBase, cBase + mUp * nUp);

  const c = C.data;
  if (!accumulate && C.cs === 1 && C.rs === n && n === nUp) c.set(heap.subarray(cBase, cBase + m * n), C.offset);
  else for (let i = 0; i < m; i++) {
    const from = cBase + i * nUp, to = C.offset + i * C.rs;
    if (accumulate) for (let j = 0; j < n; j++) c[to + j * C.cs] += heap[from + j];
    else if (C.cs === 1) c.set(heap.subarray(from, from + n), to);
    else for (let j = 0; j < n; j++) c[to + j * C.cs] = heap[from + j];
  }
};
