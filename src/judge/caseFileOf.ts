import type { LabelledCase } from "../network/labels.ts";
import { matrix, toRows } from "../linalg/Matrix.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { parameterCount, roll } from "../network/theta.ts";

/** A case in the case-file format (README: the case file), replayable with `gradcheck eval`. */
export interface CaseFile {
  name: string;
  layerSizes: number[];
  hiddenActivation: string;
  outputActivation: string;
  cost: string;
  lambda: number;
  X: number[][];
  Y: number[][];
  theta: number[][][];
  labels: number[];
  expected?: { J: number; grad: number[][][] };
  /** What the submission answered, in the same shape (an extension `eval` ignores). */
  submitted?: { J: number; grad: number[][][] };
}

export function caseFileOf(c: LabelledCase, expected?: CostAndGradient, submitted?: { J: number; grad: Float64Array }): CaseFile {
  const file: CaseFile = {
    name: c.name,
    layerSizes: c.layerSizes.slice(),
    hiddenActivation: c.hiddenActivation,
    outputActivation: c.outputActivation,
    cost: c.cost,
    lambda: c.lambda,
    X: toRows(c.X),
    Y: toRows(c.Y),
    theta: c.theta.map(toRows),
    labels: c.labels.slice(),
  };
  if (expected) file.expected = { J: expected.J, grad: expected.grad.map(toRows) };
  if (submitted && expected && submitted.grad.length === parameterCount(c.layerSizes)) {
    file.submitted = { J: submitted.J, grad: roll(submitted.grad, c.layerSizes).map((D) => toRows(matrix(D.rows, D.cols, D.data))) };
  }
  return file;
}
