import type { Gemm, View } from "./View.ts";
import { gemmRelaxedWasmBase64, gemmWasmBase64 } from "./wasmBytes.ts";

type Kernel = (
  m: number,
  n: number,
  k: number,
  a: number,
  ars: number,
  acs: number,
  b: number,
  brs: number,
  c: number,
  crs: number,
  accumulate: number,
) => void;

/**
 * Rows of B handled per kernel call. 128 rows of a 400-wide B are 400 KB: the panel stays in
 * L2 while every 4-row block of A streams past it.
 */
const KC = 128;

/** Below this many multiply-adds, copying into WebAssembly memory costs more than SIMD saves. */
const SIMD_MIN_WORK = 1 << 15;

export function worthSimd(m: number, n: number, k: number): boolean {
  return m >= 4 && n >= 4 && m * n * k >= SIMD_MIN_WORK;
}

const roundUp4 = (x: number) => (x + 3) & ~3;
const BYTES = 8;

/** A gemm over one kernel module, and a way to keep an operand in its memory across products. */
export interface WasmGemm {
  readonly gemm: Gemm;
  /**
   * Runs body with `data` copied once into WebAssembly memory: products reading it, or any
   * subarray of it (as A, or as B when its rows are contiguous), then use it in place instead
   * of copying it again. data must not change while body runs.
   */
  readonly pinned: <T>(data: Float64Array, body: () => T) => T;
}

/**
 * gemm through a WebAssembly SIMD kernel. A is copied in its own layout (one block copy of the
 * range the view spans, no gather: the kernel reads A by scalars at any strides); B is copied
 * the same way when its rows are contiguous, and otherwise packed row-major with zero padding
 * to nUp columns (this is where A·Bᵀ's transpose happens); C is an mUp×nUp scratch. The kernel
 * thus never meets a ragged edge (a scalar edge loop over a 1-wide strip was measured slower
 * than the whole SIMD product); the rows past m it computes from whatever follows A, and the
 * columns past n from whatever follows a row of B, are discarded. Operands pinned with
 * `pinned` are not copied at all.
 * Long because: the instance's memory, its pins and the top of the pinned region are state
 * that the two closures it returns (gemm and pinned) share with their helpers.
 */
export function wasmGemm(bytes: Uint8Array<ArrayBuffer>): WasmGemm {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const kernel = instance.exports.gemm as Kernel;
  const pins = new Map<Float64Array, number>();
  let top = 0;

  const heapOf = (elements: number): Float64Array => {
    const bytes = elements * BYTES;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    return new Float64Array(memory.buffer);
  };

  /** Where data sits in memory if it, or an array it is a subarray of, is pinned. */
  const pinOf = (data: Float64Array): number | undefined => {
    const exact = pins.get(data);
    if (exact !== undefined) return exact;
    for (const [whole, at] of pins) {
      const from = data.byteOffset - whole.byteOffset;
      if (whole.buffer === data.buffer && from >= 0 && from + data.byteLength <= whole.byteLength) return at + from / BYTES;
    }
    return undefined;
  };

  const pinned = <T>(data: Float64Array, body: () => T): T => {
    if (pinOf(data) !== undefined) return body();
    const at = top;
    heapOf(at + data.length).set(data, at);
    pins.set(data, at);
    top = at + data.length;
    try {
      return body();
    } finally {
      pins.delete(data);
      top = at;
    }
  };

  // Long because: one product's layout (where A, B and C sit, pinned or copied) is computed once
  // and read by the copies, the kernel's calls over k in blocks of KC, and the unpacking of C.
  const gemm: Gemm = (m, n, k, A, B, C, accumulate) => {
    const mUp = roundUp4(m),
      nUp = roundUp4(n);
    // Scratch starts above the pinned operands: A's span, B, C, each unless already there.
    let free = top;
    const take = (elements: number) => ((free += elements), free - elements);
    const aSpan = span(mUp, k, A),
      aPin = pinOf(A.data);
    const aAt = aPin !== undefined ? aPin + A.offset : take(aSpan);
    // B's rows contiguous: read in place, nUp wide. Past column n the kernel reads the start
    // of the next row (or, after the last, whatever follows): it only feeds C's padding columns.
    const bRows = B.cs === 1,
      bSpan = span(k, n, B),
      bReach = span(k, nUp, B);
    const bPin = bRows ? pinOf(B.data) : undefined;
    const bAt = bPin !== undefined ? bPin + B.offset : take(bRows ? bReach : k * nUp);
    const brs = bRows ? B.rs : nUp;
    const cAt = take(mUp * nUp);
    const heap = heapOf(Math.max(free, aAt + aSpan, bRows ? bAt + bReach : 0));
    if (aPin === undefined) heap.set(A.data.subarray(A.offset, A.offset + aSpan), aAt);
    if (bPin === undefined && bRows) heap.set(B.data.subarray(B.offset, B.offset + bSpan), bAt);
    else if (bPin === undefined) packB(heap, bAt, n, nUp, k, B);

    for (let p0 = 0; p0 < k; p0 += KC) {
      kernel(
        mUp,
        nUp,
        Math.min(KC, k - p0),
        (aAt + p0 * A.cs) * BYTES,
        A.rs * BYTES,
        A.cs * BYTES,
        (bAt + p0 * brs) * BYTES,
        brs * BYTES,
        cAt * BYTES,
        nUp * BYTES,
        p0 > 0 ? 1 : 0,
      );
    }
    if (k === 0) heap.fill(0, cAt, cAt + mUp * nUp);
    unpackC(heap, cAt, m, n, nUp, C, accumulate);
  };

  return { gemm, pinned };
}

/** Elements from a view's first entry to past its last, for rows × cols read at its strides. */
function span(rows: number, cols: number, v: View): number {
  return rows === 0 || cols === 0 ? 0 : (rows - 1) * v.rs + (cols - 1) * v.cs + 1;
}

/** B as k × nUp row-major, zero-padded on the right: a B whose rows are strided (Aᵀ·B's Bᵀ). */
function packB(heap: Float64Array, at: number, n: number, nUp: number, k: number, B: View): void {
  const b = B.data;
  for (let p = 0; p < k; p++) {
    const from = B.offset + p * B.rs,
      to = at + p * nUp;
    for (let j = 0; j < n; j++) heap[to + j] = b[from + j * B.cs];
    for (let j = n; j < nUp; j++) heap[to + j] = 0;
  }
}

function unpackC(heap: Float64Array, at: number, m: number, n: number, nUp: number, C: View, accumulate: boolean): void {
  const c = C.data;
  if (!accumulate && C.cs === 1 && C.rs === n && n === nUp) {
    c.set(heap.subarray(at, at + m * n), C.offset);
    return;
  }
  // A row narrower than this is copied by a loop: subarray + set allocates a view per row.
  const wide = n >= 64;
  for (let i = 0; i < m; i++) {
    const from = at + i * nUp,
      to = C.offset + i * C.rs;
    if (accumulate) for (let j = 0; j < n; j++) c[to + j * C.cs] += heap[from + j];
    else if (C.cs === 1 && wide) c.set(heap.subarray(from, from + n), to);
    else for (let j = 0; j < n; j++) c[to + j * C.cs] = heap[from + j];
  }
}

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(Buffer.from(base64, "base64"));

/** The plain f64x2 kernel: every WebAssembly SIMD runtime has it. */
export const plainSimd: WasmGemm = wasmGemm(bytesOf(gemmWasmBase64));
export const simdGemm: Gemm = plainSimd.gemm;

const relaxedBytes = bytesOf(gemmRelaxedWasmBase64);

/**
 * Whether this runtime compiles relaxed SIMD now. Node 20 does only after
 * v8.setFlagsFromString("--experimental-wasm-relaxed-simd"), a process-wide switch that the
 * command line throws and a library import never does on its own.
 */
export function relaxedSimdAccepted(): boolean {
  return WebAssembly.validate(relaxedBytes);
}

let fused: WasmGemm | null | undefined;

/**
 * The fused multiply-add kernel, or null while the runtime rejects relaxed SIMD (Node 20 unless
 * started with --experimental-wasm-relaxed-simd or the flag was set before).
 */
export function fmaSimd(): WasmGemm | null {
  if (fused === undefined || (fused === null && relaxedSimdAccepted())) fused = relaxedSimdAccepted() ? wasmGemm(relaxedBytes) : null;
  return fused;
}
