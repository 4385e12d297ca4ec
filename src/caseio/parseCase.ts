import { fromRows, type Matrix } from "../linalg/Matrix.ts";
import { activationNames, outputActivationNames, type ActivationName, type OutputActivationName } from "../network/activation.ts";
import { costNames, costs, type CostName } from "../network/cost.ts";
import type { Case, CostAndGradient } from "../network/Network.ts";
import { thetaShapes } from "../network/theta.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown only inside this module; parseCase turns it into data. */
class CaseError extends Error {}

function fail(field: string, problem: string): never {
  throw new CaseError(`${field}: ${problem}`);
}

/**
 * Validates a case file's JSON (README: the case file). Every rejection names the field and what is
 * wrong with it, e.g. `theta[1]: expected 3×6 (s_3 × (s_2 + 1)), got 3×5`.
 */
export function parseCase(json: unknown): Parsed<Case> {
  try {
    return { ok: true, value: readCase(json) };
  } catch (e) {
    if (e instanceof CaseError) return { ok: false, error: e.message };
    throw e;
  }
}

/** parseCase from text, with JSON syntax errors reported the same way. */
export function parseCaseText(text: string): Parsed<Case> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
  }
  return parseCase(json);
}

function readCase(json: unknown): Case {
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail("case", "expected a JSON object");
  const o = json as Record<string, unknown>;
  const name = o.name === undefined ? "unnamed" : o.name;
  if (typeof name !== "string") fail("name", "expected a string");

  const layerSizes = readLayerSizes(o.layerSizes);
  const hiddenActivation = readEnum<ActivationName>(o.hiddenActivation, "hiddenActivation", activationNames);
  const outputActivation = readEnum<OutputActivationName>(o.outputActivation, "outputActivation", outputActivationNames);
  const cost = readEnum<CostName>(o.cost, "cost", costNames);
  if (!costs[cost].outputs.includes(outputActivation)) {
    fail("outputActivation", `${cost} needs output ${costs[cost].outputs.join(" or ")}, got ${outputActivation}`);
  }
  const lambda = readNumber(o.lambda, "lambda");
  if (lambda < 0) fail("lambda", `must be ≥ 0, got ${lambda}`);

  const s1 = layerSizes[0],
    K = layerSizes[layerSizes.length - 1];
  if (outputActivation === "softmax" && K < 2) fail("layerSizes", `a softmax output needs K = s_L ≥ 2 classes, got ${K}`);
  const X = readMatrix(o.X, "X", undefined, s1, "s_1");
  if (X.rows === 0) fail("X", "needs at least one example (m ≥ 1)");
  const Y = readMatrix(o.Y, "Y", X.rows, K, "s_L");
  if (cost === "cross-entropy") {
    Y.data.forEach((y, q) => {
      if (y < 0 || y > 1) fail(`Y[${Math.floor(q / K)}][${q % K}]`, `cross-entropy targets must lie in [0, 1], got ${y}`);
    });
  }
  if (outputActivation === "softmax") checkProbabilityRows(Y);
  const labels = o.labels === undefined ? undefined : readLabels(o.labels, Y, K);

  const shapes = thetaShapes(layerSizes);
  const theta = readTheta(o.theta, "theta", shapes);
  const expected = o.expected === undefined ? undefined : readExpected(o.expected, shapes);
  return { name, layerSizes, hiddenActivation, outputActivation, cost, lambda, X, Y, theta, labels, expected };
}

/** Each row of Y a probability vector: the logsumexp form of the softmax cost assumes Σ_k y_ik = 1. */
function checkProbabilityRows(Y: Matrix): void {
  for (let i = 0; i < Y.rows; i++) {
    let s = 0;
    for (let k = 0; k < Y.cols; k++) s += Y.data[i * Y.cols + k];
    // A few ulps per entry: soft targets written in decimal rarely sum to exactly 1.
    if (Math.abs(s - 1) > 1e-12 * Y.cols) fail(`Y[${i}]`, `softmax targets must sum to 1 in each row (one-hot or soft), got ${s}`);
  }
}

function readLayerSizes(v: unknown): number[] {
  if (!Array.isArray(v)) fail("layerSizes", "expected an array of layer sizes");
  if (v.length < 2) fail("layerSizes", `needs at least two layers (input and output), got ${v.length}`);
  v.forEach((s, l) => {
    if (!Number.isInteger(s) || (s as number) < 1) fail(`layerSizes[${l}]`, `expected an integer ≥ 1, got ${JSON.stringify(s)}`);
  });
  return v as number[];
}

function readEnum<T extends string>(v: unknown, field: string, allowed: readonly string[]): T {
  if (typeof v !== "string" || !allowed.includes(v)) {
    fail(field, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
  }
  return v as T;
}

function readNumber(v: unknown, field: string): number {
  if (typeof v !== "number") fail(field, v === undefined ? "missing" : `expected a number, got ${JSON.stringify(v)}`);
  if (!Number.isFinite(v)) fail(field, `expected a finite number, got ${v}`);
  return v;
}

function readMatrix(v: unknown, field: string, rows: number | undefined, cols: number, colsName: string): Matrix {
  if (!Array.isArray(v)) fail(field, v === undefined ? "missing" : "expected an array of rows");
  if (rows !== undefined && v.length !== rows) fail(field, `expected ${rows} rows (one per example of X), got ${v.length}`);
  v.forEach((row, i) => {
    if (!Array.isArray(row)) fail(`${field}[${i}]`, "expected an array of numbers");
    if (row.length !== cols) fail(`${field}[${i}]`, `expected ${cols} entries (${colsName} = ${cols}), got ${row.length}`);
    row.forEach((x, j) => {
      // JSON has no NaN or Infinity, but a JS caller or a JSON5-ish writer may produce null
      // or strings for them; name them rather than let them become 0.
      if (typeof x !== "number" || !Number.isFinite(x))
        fail(`${field}[${i}][${j}]`, `expected a finite number, got ${JSON.stringify(x) ?? String(x)}`);
    });
  });
  return fromRows(v as number[][]);
}

function readTheta(v: unknown, field: string, shapes: Array<[number, number]>): Matrix[] {
  if (!Array.isArray(v)) fail(field, v === undefined ? "missing" : "expected an array of matrices Θ⁽¹⁾…Θ⁽ᴸ⁻¹⁾");
  if (v.length !== shapes.length) fail(field, `expected ${shapes.length} matrices for ${shapes.length + 1} layers, got ${v.length}`);
  return shapes.map(([r, c], l) => {
    const T = v[l];
    const f = `${field}[${l}]`;
    const want = `expected ${r}×${c} (s_${l + 2} × (s_${l + 1} + 1))`;
    if (!Array.isArray(T)) fail(f, `${want}, got ${JSON.stringify(T)}`);
    const got = `${T.length}×${Array.isArray(T[0]) ? T[0].length : "?"}`;
    if (T.length !== r) fail(f, `${want}, got ${got}`);
    return readMatrix(T, f, r, c, `s_${l + 1} + 1`);
  });
}

function readLabels(v: unknown, Y: Matrix, K: number): number[] {
  if (!Array.isArray(v)) fail("labels", "expected an array of 0-based class labels");
  if (v.length !== Y.rows) fail("labels", `expected ${Y.rows} labels (one per example), got ${v.length}`);
  v.forEach((c, i) => {
    const top = K === 1 ? 1 : K - 1;
    if (!Number.isInteger(c) || c < 0 || c > top) fail(`labels[${i}]`, `expected an integer in [0, ${top}], got ${JSON.stringify(c)}`);
    for (let k = 0; k < K; k++) {
      const want = K === 1 ? c : k === c ? 1 : 0;
      if (Y.data[i * K + k] !== want) {
        fail(
          `labels[${i}]`,
          `label ${c} does not match Y[${i}] = [${Array.from(Y.data.subarray(i * K, (i + 1) * K))}] (expected its one-hot)`,
        );
      }
    }
  });
  return v as number[];
}

function readExpected(v: unknown, shapes: Array<[number, number]>): CostAndGradient {
  if (typeof v !== "object" || v === null) fail("expected", "expected an object {J, grad}");
  const o = v as Record<string, unknown>;
  return { J: readNumber(o.J, "expected.J"), grad: readTheta(o.grad, "expected.grad", shapes) };
}
