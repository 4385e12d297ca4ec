/** A dense float64 matrix, row-major: entry (i, j) lives at data[i * cols + j]. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function matrix(rows: number, cols: number, data: ArrayLike<number>): Matrix {
  if (data.length !== rows * cols) {
    throw new RangeError(`matrix ${rows}×${cols} needs ${rows * cols} entries, got ${data.length}`);
  }
  return { rows, cols, data: Float64Array.from(data) };
}

/** Builds a matrix from nested rows; every row must have the same length. */
export function fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  const out = zeros(m, n);
  for (let i = 0; i < m; i++) {
    const row = rows[i];
    if (row.length !== n) throw new RangeError(`row ${i} has ${row.length} entries, expected ${n}`);
    out.data.set(row, i * n);
  }
  return out;
}

export function toRows(A: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.rows; i++) out.push(Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
  return out;
}

export function copy(A: Matrix): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.data.slice() };
}

export function shapeOf(A: Matrix): string {
  return `${A.rows}×${A.cols}`;
}
