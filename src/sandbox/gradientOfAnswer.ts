import { superscript } from "../network/thetaEntry.ts";
import { preview } from "./answerDepth.ts";
import type { CostRequest, WbLayer } from "./Implementation.ts";

type Failure = { readonly ok: false; readonly kind: "bad-return" | "wrong-gradient-shape"; readonly message: string };

/**
 * The answer's grad as one flat Float64Array in the order of the request's params, or why it
 * has the wrong form. The gradient must have the shape of params: a flat list for unrolled Θ;
 * for the `wb` layout one {W, b} per layer, W as rows (a process) or row-major flat (what a
 * module's harness forwards), b a list. A shape error names the layer and is data, never a throw.
 */
export function gradientOfAnswer(raw: unknown, params: CostRequest["params"]): { ok: true; grad: Float64Array } | Failure {
  return isWb(params) ? wbGradient(raw, params) : unrolledGradient(raw, params.length);
}

/** params as one flat list: unrolled as they are, or per layer W row by row then b. */
export function flatParams(params: CostRequest["params"]): number[] {
  if (!isWb(params)) return params.slice();
  return params.flatMap((layer) => [...layer.W.flat(), ...layer.b]);
}

export function isWb(params: CostRequest["params"]): params is readonly WbLayer[] {
  return params.length > 0 && typeof params[0] === "object";
}

function unrolledGradient(raw: unknown, n: number): { ok: true; grad: Float64Array } | Failure {
  // A one-parameter network's gradient may come back as a bare number (Octave's jsonencode of a 1×1).
  const list = n === 1 && !Array.isArray(raw) && toNumber(raw) !== undefined ? [raw] : raw;
  if (!Array.isArray(list))
    return {
      ok: false,
      kind: "bad-return",
      message: `grad is ${raw === undefined ? "missing" : describe(raw)}, expected an array of ${n} numbers`,
    };
  const grad = new Float64Array(list.length);
  for (let i = 0; i < grad.length; i++) {
    const g = toNumber(list[i]);
    if (g === undefined) {
      const what = Array.isArray(list[i])
        ? "an array: grad must be unrolled into one flat list of params.length numbers"
        : `${describe(list[i])}, expected a number`;
      return { ok: false, kind: "bad-return", message: `grad[${i}] is ${what}` };
    }
    grad[i] = g;
  }
  return { ok: true, grad };
}

function wbGradient(raw: unknown, params: readonly WbLayer[]): { ok: true; grad: Float64Array } | Failure {
  const L1 = params.length;
  const shape = (message: string): Failure => ({ ok: false, kind: "wrong-gradient-shape", message });
  if (!Array.isArray(raw))
    return shape(`grad is ${raw === undefined ? "missing" : describe(raw)}, expected a list of ${L1} {W, b}, one per layer, like params`);
  if (raw.length !== L1) return shape(`grad has ${raw.length} layers, expected ${L1} {W, b}, one per layer, like params`);
  const values: number[] = [];
  for (let l = 0; l < L1; l++) {
    const where = `grad[${l}] (layer ${l + 1}: W⁽${superscript(l + 1)}⁾ and b⁽${superscript(l + 1)}⁾)`;
    const layer = raw[l] as Record<string, unknown> | null;
    const inputs = params[l].W.length,
      out = params[l].b.length;
    if (layer === null || typeof layer !== "object" || Array.isArray(layer))
      return shape(`${where} is ${describe(layer)}, expected an object {W, b}`);
    const W = matrixEntries(layer.W, inputs, out);
    if (typeof W === "string") return shape(`${where}: W ${W} (W⁽${superscript(l + 1)}⁾ is in × out = ${inputs} × ${out})`);
    const b = out === 1 && toNumber(layer.b) !== undefined ? [layer.b] : layer.b;
    if (!Array.isArray(b)) return shape(`${where}: b is ${b === undefined ? "missing" : describe(b)}, expected a list of ${out} numbers`);
    if (b.length !== out) return shape(`${where}: b has ${b.length} entries, expected ${out} (one per unit of layer ${l + 2})`);
    for (const [name, list] of [
      ["W", W],
      ["b", b],
    ] as const) {
      for (let i = 0; i < list.length; i++) {
        const g = toNumber(list[i]);
        if (g === undefined)
          return { ok: false, kind: "bad-return", message: `${where}: ${name} entry ${i} is ${describe(list[i])}, expected a number` };
        values.push(g);
      }
    }
  }
  return { ok: true, grad: Float64Array.from(values) };
}

/** W's entries row-major, from rows or from a flat list; a string says what is wrong with its shape. */
function matrixEntries(W: unknown, rows: number, cols: number): unknown[] | string {
  if (!Array.isArray(W)) return W === undefined ? "is missing" : `is ${describe(W)}, expected ${rows} rows of ${cols} numbers`;
  if (W.length > 0 && W.every((row) => Array.isArray(row))) {
    if (W.length !== rows)
      return `has ${W.length} rows, expected ${rows}${W.length === cols && (W[0] as unknown[]).length === rows ? " (transposed?)" : ""}`;
    const bad = W.findIndex((row: unknown[]) => row.length !== cols);
    if (bad >= 0) return `row ${bad} has ${(W[bad] as unknown[]).length} entries, expected ${cols}`;
    return W.flat();
  }
  if (W.length !== rows * cols) return `has ${W.length} entries, expected ${rows} × ${cols} = ${rows * cols}`;
  return W;
}

const describe = (v: unknown) => preview(v);

/**
 * A number on the wire: a JSON number, or a non-finite value as the bare tokens NaN, Infinity,
 * -Infinity (Python), the same as strings, or null (what JSON.stringify and Octave's jsonencode
 * write for NaN and ±Inf; read as NaN, so it is judged as a non-finite answer, never a shape error).
 */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (v === null) return NaN;
  if (v === "NaN" || v === "Infinity" || v === "-Infinity") return Number(v);
  return undefined;
}
