import type { Matrix } from "../linalg/Matrix.ts";

/**
 * Examples per chunk of a large batch. Fixed — never derived from the thread count — so that
 * the chunks, and the order their Δ's are added in, are the same however many threads share
 * them. 512 rows keep every product of a chunk large enough for the SIMD kernel while giving
 * two threads ten chunks to share at m = 5000.
 */
export const CHUNK_EXAMPLES = 512;

/** [from, to) row ranges of the chunks of m examples, in order; one (possibly empty) for m ≤ CHUNK_EXAMPLES. */
export function chunkRanges(m: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < m || ranges.length === 0; from += CHUNK_EXAMPLES) ranges.push([from, Math.min(m, from + CHUNK_EXAMPLES)]);
  return ranges;
}

/** Rows from..to of M as a matrix sharing M's storage. */
export function rowsOf(M: Matrix, from: number, to: number): Matrix {
  if (from === 0 && to === M.rows) return M;
  return { rows: to - from, cols: M.cols, data: M.data.subarray(from * M.cols, to * M.cols) };
}
