import { describeValue } from "./compareGradients.ts";
import type { Finding } from "./Finding.ts";

/** A matrix as `{ rows, cols, data }`, row-major (gradcheck's Matrix fits). */
export interface MatrixLike {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

/** One named parameter: a number, a vector (array or typed array), a MatrixLike, or rows of numbers. */
export type Tensor = number | ArrayLike<number> | MatrixLike | readonly (readonly number[])[];

/** Named tensors, `{ W1: Matrix, b1: Float64Array, … }`, or a list of them (named by position). */
export type Params = { readonly [name: string]: Tensor } | readonly Tensor[];

/** Where each tensor sits in the flat vector the finite differences perturb, and how to rebuild it. */
export interface TensorLayout {
  /** entries in all */
  readonly size: number;
  /** "W1[3,0]", "b1[2]", "s": entry i by its tensor's name and index */
  label(index: number): string;
  /** the tensors' entries one after the other (each row-major), or a wrong-shape finding */
  flatten(params: unknown): Float64Array | Finding;
  /** tensors of the same names, shapes and kinds as the layout's, holding the given entries */
  unflatten(flat: Float64Array): Params;
}

interface Slot {
  readonly name: string;
  readonly offset: number;
  /** [] for a number, [n] for a vector, [rows, cols] for a matrix */
  readonly shape: readonly number[];
  /** rebuilds the tensor in the caller's own representation */
  readonly make: (entries: Float64Array) => Tensor;
}

/** The layout of structured parameters: the order of their names (or positions), each tensor row-major. */
export function tensorLayout(params: Params): TensorLayout {
  const named = Array.isArray(params) ? params.map((t, k) => [`[${k}]`, t] as const) : Object.entries(params);
  const slots: Slot[] = [];
  let offset = 0;
  for (const [name, tensor] of named) {
    const slot = slotOf(name, tensor as Tensor, offset);
    slots.push(slot);
    offset += sizeOf(slot.shape);
  }
  const list = Array.isArray(params);
  return {
    size: offset,
    label: (i) => labelIn(slots, i),
    flatten: (p) => flattenInto(slots, offset, list, p),
    unflatten(flat) {
      const tensors = slots.map((s) => s.make(flat.slice(s.offset, s.offset + sizeOf(s.shape))));
      return list ? tensors : Object.fromEntries(slots.map((s, k) => [s.name, tensors[k]!]));
    },
  };
}

const sizeOf = (shape: readonly number[]) => shape.reduce((p, q) => p * q, 1);

function slotOf(name: string, t: Tensor, offset: number): Slot {
  if (typeof t === "number") return { name, offset, shape: [], make: (e) => e[0]! };
  if (isMatrixLike(t)) return { name, offset, shape: [t.rows, t.cols], make: (e) => ({ rows: t.rows, cols: t.cols, data: e }) };
  if (isRows(t)) {
    const cols = t[0]!.length;
    return {
      name,
      offset,
      shape: [t.length, cols],
      make: (e) => Array.from({ length: t.length }, (_, r) => Array.from(e.subarray(r * cols, (r + 1) * cols))),
    };
  }
  if (typeof t === "object" && t !== null && typeof (t as ArrayLike<number>).length === "number") {
    const typed = ArrayBuffer.isView(t);
    return { name, offset, shape: [(t as ArrayLike<number>).length], make: (e) => (typed ? e : Array.from(e)) };
  }
  throw new TypeError(
    `parameter ${name} is ${describeValue(t)}: expected a number, an array, rows of numbers or a { rows, cols, data } matrix`,
  );
}

function labelIn(slots: readonly Slot[], i: number): string {
  let k = slots.length - 1;
  while (k > 0 && slots[k]!.offset > i) k--;
  const s = slots[k]!,
    q = i - s.offset;
  if (s.shape.length === 0) return s.name;
  if (s.shape.length === 1) return `${s.name}[${q}]`;
  return `${s.name}[${Math.floor(q / s.shape[1]!)},${q % s.shape[1]!}]`;
}

/** A gradient given in the parameters' structure (any tensor form of the right shape per name), flat. */
function flattenInto(slots: readonly Slot[], size: number, list: boolean, p: unknown): Float64Array | Finding {
  const out = new Float64Array(size);
  if (typeof p !== "object" || p === null || Array.isArray(p) !== list)
    return {
      kind: "wrong-shape",
      expected: list ? `a list of ${slots.length} tensors` : `tensors named ${slots.map((s) => s.name).join(", ")}`,
      actual: describeValue(p),
    };
  for (const [k, s] of slots.entries()) {
    const t = list ? (p as unknown[])[k] : (p as Record<string, unknown>)[s.name];
    const entries = entriesOf(t);
    const expected = s.shape.length === 0 ? "a number" : s.shape.join("×");
    if (!entries || entries.shape.join("×") !== s.shape.join("×"))
      return {
        kind: "wrong-shape",
        expected: `${s.name}: ${expected}`,
        actual: entries ? `${s.name}: ${entries.shape.join("×") || "a number"}` : `${s.name}: ${describeValue(t)}`,
      };
    out.set(entries.data, s.offset);
  }
  return out;
}

function entriesOf(t: unknown): { shape: number[]; data: Float64Array } | null {
  if (typeof t === "number") return { shape: [], data: Float64Array.of(t) };
  if (isMatrixLike(t)) return { shape: [t.rows, t.cols], data: Float64Array.from(t.data) };
  if (isRows(t)) return { shape: [t.length, t[0]!.length], data: Float64Array.from(t.flatMap((row) => Array.from(row))) };
  if (typeof t === "object" && t !== null && typeof (t as ArrayLike<number>).length === "number") {
    const v = t as ArrayLike<number>;
    return { shape: [v.length], data: Float64Array.from(v) };
  }
  return null;
}

function isMatrixLike(t: unknown): t is MatrixLike {
  return (
    typeof t === "object" &&
    t !== null &&
    typeof (t as MatrixLike).rows === "number" &&
    typeof (t as MatrixLike).cols === "number" &&
    "data" in t
  );
}

function isRows(t: unknown): t is readonly (readonly number[])[] {
  return Array.isArray(t) && t.length > 0 && t.every((row) => Array.isArray(row) && row.length === (t[0] as unknown[]).length);
}
