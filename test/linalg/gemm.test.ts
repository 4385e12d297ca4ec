import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromRows, matrix, type Matrix } from "../../src/linalg/Matrix.ts";
import { matmul, matmulABt, matmulAtB } from "../../src/linalg/products.ts";
import { gemm, scalarGemm, type View } from "../../src/linalg/gemm.ts";
import { setFlagsFromString } from "node:v8";
import { fmaSimd, plainSimd, relaxedSimdAccepted } from "../../src/linalg/simdGemm.ts";

// The fused multiply-add kernel needs relaxed SIMD; this test process switches it on the way
// the command line does, so both WebAssembly kernels are checked on every Node from 20.
if (!relaxedSimdAccepted()) setFlagsFromString("--experimental-wasm-relaxed-simd");
const fma = fmaSimd();

/** The textbook triple loop the kernel is checked against. */
function naive(A: Matrix, B: Matrix): Matrix {
  const out = new Float64Array(A.rows * B.cols);
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let p = 0; p < A.cols; p++) s += A.data[i * A.cols + p] * B.data[p * B.cols + j];
      out[i * B.cols + j] = s;
    }
  return { rows: A.rows, cols: B.cols, data: out };
}

function transpose(A: Matrix): Matrix {
  const out = new Float64Array(A.data.length);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out[j * A.rows + i] = A.data[i * A.cols + j];
  return { rows: A.cols, cols: A.rows, data: out };
}

const dim = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 13 }));
const entries = (n: number) => fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n });
const mat = (r: number, c: number) => entries(r * c).map((d) => matrix(r, c, d));

function expectClose(actual: Matrix, expected: Matrix): void {
  expect([actual.rows, actual.cols]).toEqual([expected.rows, expected.cols]);
  expected.data.forEach((e, q) => {
    // Summation order differs between the blocked and the naive loop: allow a few ulps of Σ|terms|.
    expect(Math.abs(actual.data[q] - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)) * 100);
  });
}

describe("gemm kernels agree with the naive triple loop", () => {
  const shapes = fc.tuple(dim, dim, dim);
  it("A·B, A·Bᵀ and Aᵀ·B on random shapes, 1×N, N×1 and 1×1 included", () => {
    fc.assert(
      fc.property(
        shapes.chain(([m, k, n]) => fc.tuple(mat(m, k), mat(k, n))),
        ([A, B]) => {
          const expected = naive(A, B);
          expectClose(matmul(A, B), expected);
          expectClose(matmulABt(A, transpose(B)), expected);
          expectClose(matmulAtB(transpose(A), B), expected);
        },
      ),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it("accumulates into C when asked, and writes through strided views without touching other entries", () => {
    const A = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    const B = fromRows([
      [1, 0, 2, 1, 1],
      [0, 1, 1, 3, 2],
    ]);
    const C = new Float64Array(5 * 6).fill(1);
    // C[:, 1:] += A·B with C a 5×6 buffer; column 0 must stay untouched.
    gemm(
      5,
      5,
      2,
      { data: A.data, offset: 0, rs: 2, cs: 1 },
      { data: B.data, offset: 0, rs: 5, cs: 1 },
      { data: C, offset: 1, rs: 6, cs: 1 },
      true,
    );
    const AB = naive(A, B);
    for (let i = 0; i < 5; i++) {
      expect(C[i * 6]).toBe(1);
      for (let j = 0; j < 5; j++) expect(C[i * 6 + 1 + j]).toBe(1 + AB.data[i * 5 + j]);
    }
  });

  it("the fused multiply-add kernel is available once relaxed SIMD is on", () => {
    expect(fma, "WebAssembly relaxed SIMD rejected even with --experimental-wasm-relaxed-simd").not.toBeNull();
  });

  it("the plain SIMD, the fused multiply-add and the scalar kernel each agree with the naive loop on strided views (Aᵀ, Bᵀ, an offset C, accumulate)", () => {
    const big = fc.integer({ min: 1, max: 70 });
    fc.assert(
      fc.property(fc.tuple(big, big, big, fc.boolean(), fc.boolean(), fc.boolean(), fc.integer()), ([m, k, n, tA, tB, acc, seed]) => {
        let s = seed >>> 0;
        const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
        const A = matrix(m, k, Array.from({ length: m * k }, next));
        const B = matrix(k, n, Array.from({ length: k * n }, next));
        const expected = naive(A, B);
        // Store A (and B) transposed when asked and read them back through a transposed view.
        const At = transpose(A),
          Bt = transpose(B);
        const aView: View = tA ? { data: At.data, offset: 0, rs: 1, cs: m } : { data: A.data, offset: 0, rs: k, cs: 1 };
        const bView: View = tB ? { data: Bt.data, offset: 0, rs: 1, cs: k } : { data: B.data, offset: 0, rs: n, cs: 1 };
        for (const kernel of [plainSimd.gemm, fma!.gemm, scalarGemm]) {
          // C is the columns 2.. of an m × (n + 2) buffer filled with 7s.
          const C = new Float64Array(m * (n + 2)).fill(7);
          kernel(m, n, k, aView, bView, { data: C, offset: 2, rs: n + 2, cs: 1 }, acc);
          for (let i = 0; i < m; i++) {
            expect(C[i * (n + 2)]).toBe(7);
            expect(C[i * (n + 2) + 1]).toBe(7);
            for (let j = 0; j < n; j++) {
              const e = expected.data[i * n + j] + (acc ? 7 : 0);
              expect(Math.abs(C[i * (n + 2) + 2 + j] - e)).toBeLessThanOrEqual(1e-13 * k * Math.max(1, Math.abs(e)));
            }
          }
        }
      }),
      { seed: 42, numRuns: 120 },
    );
  });

  it("operands pinned in WebAssembly memory give bit-for-bit the products of copied ones, and stay unchanged", () => {
    const big = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(fc.tuple(big, big, big, fc.boolean(), fc.boolean(), fc.integer()), ([m, k, n4, tA, acc, seed]) => {
        let s = seed >>> 0;
        const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
        const n = 4 * Math.ceil(n4 / 4);
        // One buffer holds A (or Aᵀ) and B back to back, the way a batch's X is read twice.
        const data = Float64Array.from({ length: m * k + k * n + 3 }, next);
        const before = data.slice();
        const aView: View = tA ? { data, offset: 0, rs: 1, cs: m } : { data, offset: 0, rs: k, cs: 1 };
        const bView: View = { data, offset: m * k + 3, rs: n, cs: 1 };
        for (const wasm of [plainSimd, fma!]) {
          const copied = new Float64Array(m * n).fill(2),
            pinned = new Float64Array(m * n).fill(2);
          const cView = (c: Float64Array): View => ({ data: c, offset: 0, rs: n, cs: 1 });
          wasm.gemm(m, n, k, aView, bView, cView(copied), acc);
          wasm.pinned(data, () => wasm.pinned(data, () => wasm.gemm(m, n, k, aView, bView, cView(pinned), acc)));
          expect(pinned).toEqual(copied);
          expect(data).toEqual(before);
        }
      }),
      { seed: 7, numRuns: 80 },
    );
  });

  it("rejects non-conforming shapes, naming both", () => {
    expect(() => matmul(matrix(2, 3, new Float64Array(6)), matrix(2, 3, new Float64Array(6)))).toThrow(
      /matmul: shapes 2×3 and 2×3 do not conform/,
    );
  });
});
