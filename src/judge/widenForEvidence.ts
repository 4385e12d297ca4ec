import { matrix, type Matrix } from "../linalg/Matrix.ts";
import type { LabelledCase } from "../network/labels.ts";
import { thetaName } from "../network/thetaEntry.ts";
import type { CaseVerdict } from "./CaseFinding.ts";

/** How many copies of a unit are tried: a slip from column 3 on needs two. */
const maxCopies = 2;

/**
 * Shrinking narrows each layer while the case still fails. A layer left with one weight
 * column that is wrong cannot show whether its neighbours would be right: a regulariser that
 * starts at column 2 shrinks to [1, 1], where it looks like no regularisation at all. So each
 * layer whose weight columns are wrong as a whole is widened again by copies of its last unit
 * (the same inputs, the same weights). A slip that treats every column alike is as wrong in a
 * copy, and the case stays as it is; a slip that depends on where a column sits leaves a copy
 * right, and the wider case, which shows which columns are wrong, becomes the counterexample.
 */
export async function widenForEvidence(
  c: LabelledCase,
  judge: (c: LabelledCase) => Promise<CaseVerdict>,
  maxWidth: number,
  expired: () => boolean = () => false,
): Promise<LabelledCase> {
  let current = c;
  let verdict = await judge(c);
  if (verdict.ok) return c;
  for (let l = 0; l < current.theta.length; l++) {
    if (!partsOf(verdict).includes(`${thetaName(l)} weights`)) continue;
    for (let copies = 1; copies <= maxCopies && current.layerSizes[l] + copies <= maxWidth && !expired(); copies++) {
      const wider = widened(current, l, copies);
      const v = await judge(wider);
      if (!v.ok && problemsOf(v) === problemsOf(verdict) && partsOf(v).some((p) => p.startsWith(`${thetaName(l)} weight column`))) {
        current = wider;
        verdict = v;
        break;
      }
    }
  }
  return current;
}

function partsOf(v: CaseVerdict): readonly string[] {
  return v.findings.flatMap((f) => f.wrongParts ?? []);
}

function problemsOf(v: CaseVerdict): string {
  return v.findings
    .map((f) => `${f.problem} ${f.check ?? ""}`)
    .sort()
    .join("; ");
}

/** The case with `copies` more units in layer l (0: inputs), each a copy of its last unit. */
export function widened(c: LabelledCase, l: number, copies: number): LabelledCase {
  const layerSizes = c.layerSizes.map((s, k) => (k === l ? s + copies : s));
  const theta = c.theta.map((T, k) => (k === l ? lastColumnCopied(T, copies) : k === l - 1 ? lastRowCopied(T, copies) : T));
  return {
    ...c,
    name: c.name.replace(/\[[\d,]+\]/, `[${layerSizes}]`),
    layerSizes,
    theta,
    ...(l === 0 ? { X: lastColumnCopied(c.X, copies) } : {}),
  };
}

function lastColumnCopied(A: Matrix, copies: number): Matrix {
  const cols = A.cols + copies;
  const data: number[] = [];
  for (let i = 0; i < A.rows; i++) {
    const row = Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols));
    data.push(...row, ...Array<number>(copies).fill(row[A.cols - 1]));
  }
  return matrix(A.rows, cols, data);
}

function lastRowCopied(A: Matrix, copies: number): Matrix {
  const last = Array.from(A.data.subarray((A.rows - 1) * A.cols));
  return matrix(A.rows + copies, A.cols, [...Array.from(A.data), ...Array.from({ length: copies }, () => last).flat()]);
}
