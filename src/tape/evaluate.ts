import { shapeOf, type Matrix } from "../linalg/Matrix.ts";
import { recordedAt } from "./recordedAt.ts";
import type { OpName, Rules } from "./rules.ts";
import { TapeError } from "./TapeError.ts";

/**
 * One op's value: shapes checked, the rule's forward run into a fresh matrix, the result
 * checked for NaN and ±∞ so a bad value is named where it is born, not three layers later.
 * Called from the op itself, so the stack at that moment says where the op was called: it is
 * captured only when there is an error to report.
 */
export function evaluate(
  rules: Rules,
  op: OpName,
  x: readonly Matrix[],
  attr: readonly number[],
  alloc: (n: number) => Float64Array = freshArray,
): Matrix {
  const rule = rules[op];
  const shape = rule.shape(x, attr);
  if (typeof shape === "string") {
    const shapes = x.length === 1 ? `shape ${shapeOf(x[0])}` : `shapes ${x.map(shapeOf).join(" and ")}`;
    throw new TapeError(`${op}: ${shapes} ${shape}`);
  }
  const out: Matrix = { rows: shape[0], cols: shape[1], data: alloc(shape[0] * shape[1]) };
  rule.forward(x, out, attr);
  const q = firstNonFinite(out.data);
  if (q >= 0) throw new TapeError(`${op} produced ${out.data[q]} ${describe(out, q, x)}; recorded at ${recordedAt(new Error())}`);
  return out;
}

/** A zero-filled array of its own. */
function freshArray(n: number): Float64Array {
  return new Float64Array(n);
}

/** Index of the first NaN or ±∞, or −1. */
export function firstNonFinite(a: Float64Array): number {
  // 0·v is NaN exactly when v is NaN or ±∞: one branch-free pass, searched only on failure.
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  const n = a.length - (a.length % 4);
  for (let q = 0; q < n; q += 4) {
    s0 += a[q] * 0;
    s1 += a[q + 1] * 0;
    s2 += a[q + 2] * 0;
    s3 += a[q + 3] * 0;
  }
  for (let q = n; q < a.length; q++) s0 += a[q] * 0;
  if (s0 + s1 + s2 + s3 === 0) return -1;
  return a.findIndex((v) => !Number.isFinite(v));
}

/** "at (i, j) of its r×c result (input 0 there: −0.5)": the entry and what it was made from. */
export function describe(out: { rows: number; cols: number }, q: number, x: readonly Matrix[]): string {
  const i = Math.floor(q / out.cols),
    j = q % out.cols;
  const inputs = x.flatMap((X, k) => (X.rows === out.rows && X.cols === out.cols ? [`input ${k} there: ${X.data[q]}`] : []));
  return `at (${i}, ${j}) of its ${out.rows}×${out.cols} result` + (inputs.length ? ` (${inputs.join(", ")})` : "");
}
