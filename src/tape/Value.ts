import { matrix, shapeOf, type Matrix } from "../linalg/Matrix.ts";
import { evaluate } from "./evaluate.ts";
import { rules, type OpName } from "./rules.ts";
import { TapeError } from "./TapeError.ts";

/** What an op accepts: a Value, or a plain matrix or number (taken as a constant). */
export type Operand = Value | Matrix | number;

/**
 * What a value asks of the tape it is recorded on: to record an op on it. `Tape` is the one
 * recorder; naming only this here lets Value.ts come first, needing nothing of Tape.ts.
 */
export interface Recorder {
  record(op: OpName, inputs: readonly Value[], attr: readonly number[]): Value;
}

/**
 * A matrix on its way through a computation (a scalar is a 1×1 Value). Either recorded on a
 * tape, so gradients can flow back to it, or a constant, which records nothing.
 *
 * Every method is one op of the rules table; none changes its receiver or its arguments.
 */
export class Value {
  /** Made by a Tape (`variable`, or an op's result) or by `constant`. */
  constructor(
    readonly value: Matrix,
    /** the tape this value is recorded on; null for a constant made without one */
    readonly tape: Recorder | null,
    /** its entry on the tape, or −1: a constant, which receives no gradient */
    readonly index: number,
  ) {}

  get rows(): number {
    return this.value.rows;
  }
  get cols(): number {
    return this.value.cols;
  }
  get shape(): string {
    return shapeOf(this.value);
  }
  get needsGrad(): boolean {
    return this.index >= 0;
  }

  /** The number inside a 1×1 value. */
  item(): number {
    if (this.rows !== 1 || this.cols !== 1) throw new TapeError(`item: needs a 1×1 value, got ${this.shape}`);
    return this.value.data[0];
  }

  add(b: Operand): Value {
    return apply("add", [this, lift(b)]);
  }
  sub(b: Operand): Value {
    return apply("sub", [this, lift(b)]);
  }
  mul(b: Operand): Value {
    return apply("mul", [this, lift(b)]);
  }
  div(b: Operand): Value {
    return apply("div", [this, lift(b)]);
  }
  neg(): Value {
    return apply("neg", [this]);
  }
  exp(): Value {
    return apply("exp", [this]);
  }
  log(): Value {
    return apply("log", [this]);
  }
  log1p(): Value {
    return apply("log1p", [this]);
  }
  softplus(): Value {
    return apply("softplus", [this]);
  }
  sigmoid(): Value {
    return apply("sigmoid", [this]);
  }
  tanh(): Value {
    return apply("tanh", [this]);
  }
  relu(): Value {
    return apply("relu", [this]);
  }
  square(): Value {
    return apply("square", [this]);
  }
  pow(p: number): Value {
    return apply("pow", [this], [p]);
  }
  sum(): Value {
    return apply("sum", [this]);
  }
  /** log Σ_k e^{x_ik} of each row, as an m × 1 column, stably; softmax is x.sub(x.logSumExpRows()).exp(). */
  logSumExpRows(): Value {
    return apply("logSumExpRows", [this]);
  }
  mean(): Value {
    return apply("mean", [this]);
  }
  /** this · b */
  matmul(b: Operand): Value {
    return apply("matmul", [this, lift(b)]);
  }
  /** this · bᵀ */
  matmulABt(b: Operand): Value {
    return apply("matmulABt", [this, lift(b)]);
  }
  /** thisᵀ · b */
  matmulAtB(b: Operand): Value {
    return apply("matmulAtB", [this, lift(b)]);
  }
  /** [1 | this] · Θᵀ: the lecture's z = Θ a with the bias unit, for one example per row. */
  affine(theta: Operand): Value {
    return apply("affine", [this, lift(theta)]);
  }
  /** [1 | this]: the bias unit a₀ = 1 in front of every row. */
  prependBias(): Value {
    return apply("prependBias", [this]);
  }
  /** Columns from..to−1 (to defaults to the last); `theta.columns(1)` drops the bias column. */
  columns(from: number, to: number = this.cols): Value {
    return apply("columns", [this], [from, to]);
  }
}

/** A value that records nothing and receives no gradient: data, targets, λ. */
export function constant(x: Matrix | number): Value {
  return new Value(typeof x === "number" ? matrix(1, 1, [x]) : x, null, -1);
}

function lift(x: Operand): Value {
  return x instanceof Value ? x : constant(x);
}

/** Runs op on the inputs' tape; with no tape involved it is plain arithmetic on constants. */
function apply(op: OpName, inputs: Value[], attr: readonly number[] = []): Value {
  let tape: Recorder | null = null;
  for (const v of inputs) {
    if (v.tape === null || v.tape === tape) continue;
    if (tape !== null) throw new TapeError(`${op}: its inputs are recorded on two different tapes`);
    tape = v.tape;
  }
  if (tape) return tape.record(op, inputs, attr);
  return new Value(
    evaluate(
      rules,
      op,
      inputs.map((v) => v.value),
      attr,
    ),
    null,
    -1,
  );
}
