import { zeros, type Matrix } from "../linalg/Matrix.ts";
import { evaluate, firstNonFinite } from "./evaluate.ts";
import { recordedAt } from "./recordedAt.ts";
import { rules as defaultRules, type OpName, type Rules } from "./rules.ts";
import { TapeError } from "./TapeError.ts";
import { Value, type Recorder } from "./Value.ts";

interface Entry {
  readonly op: OpName | "variable";
  readonly inputs: readonly Value[];
  readonly attr: readonly number[];
  readonly out: Matrix;
  /** made when the op was recorded on a tape that keeps sites; its stack says where, if an error ever needs to */
  readonly site: Error | null;
}

export interface TapeOptions {
  /**
   * Keep each op's call site (default true), so that a NaN or ±∞ arising in backward names the
   * line that recorded the op. Capturing a stack costs microseconds, more than a whole op of a
   * small network; `grad` records without sites and, only when backward meets a non-finite
   * gradient, runs the function again on a tape that keeps them.
   */
  readonly sites?: boolean;
}

/** Arrays of at most this many entries are carved from blocks of SMALL_BLOCK bytes. */
const SMALL_ARRAY = 256;
const SMALL_BLOCK = 16384;

/** A non-finite gradient in backward on a tape that kept no sites: the op is known, not where it was recorded. */
export class UnlocatedTapeError extends TapeError {}

/** ∂y/∂v for the variables v of a tape, after `backward(y)`. */
export interface Gradients {
  of(v: Value): Matrix;
}

/**
 * Reverse-mode automatic differentiation: ops are recorded in the order they run, so walking
 * the record backwards visits every value after all of its consumers, and each rule's vjp
 * can add its share into its inputs' gradients.
 *
 * Only values that depend on a variable are recorded; an op on constants alone is plain
 * arithmetic. Gradients of intermediate values are dropped as soon as they have been passed
 * on; those of variables are kept and returned.
 */
export class Tape implements Recorder {
  private readonly entries: Entry[] = [];
  private bytes = 0;
  private peak = 0;
  private readonly sites: boolean;
  /** the block small arrays are carved from, and the bytes of it already handed out */
  private block: ArrayBuffer | null = null;
  private blockUsed = 0;

  /** The rules table is a parameter so tests can plant a wrong rule. */
  constructor(
    readonly rules: Rules = defaultRules,
    options: TapeOptions = {},
  ) {
    this.sites = options.sites ?? true;
  }

  /** A value to differentiate with respect to. It is read, never copied or written. */
  variable(x: Matrix): Value {
    return this.push({ op: "variable", inputs: [], attr: [], out: x, site: null });
  }

  /** A constant bound to this tape: recorded nowhere, but its ops use this tape's rules. */
  constant(x: Matrix): Value {
    return new Value(x, this, -1);
  }

  /** Used by Value's op methods. */
  record(op: OpName, inputs: readonly Value[], attr: readonly number[]): Value {
    const out = evaluate(
      this.rules,
      op,
      inputs.map((v) => v.value),
      attr,
      this.alloc,
    );
    if (!inputs.some((v) => v.needsGrad)) return new Value(out, this, -1);
    return this.push({ op, inputs, attr, out, site: this.sites ? new Error() : null });
  }

  /** Number of recorded values (variables and op results). */
  get size(): number {
    return this.entries.length;
  }

  /**
   * Bytes the tape allocated for op results, and the most it held at once during backward:
   * those results plus the gradients alive at that moment (variables' own data not counted).
   */
  memory(): { recordedBytes: number; peakBytes: number } {
    return { recordedBytes: this.bytes, peakBytes: Math.max(this.peak, this.bytes) };
  }

  /** ∂y/∂v for every variable v; y must be a 1×1 value of this tape. */
  backward(y: Value): Gradients {
    this.assertScalarOutputOfThisTape(y);
    const grads: (Float64Array | null)[] = new Array(this.entries.length).fill(null);
    const seed = Float64Array.of(1); // ∂y/∂y
    if (y.needsGrad) grads[y.index] = seed;
    // Bytes of gradients allocated and not yet passed on: with the recorded results, what
    // backward holds at once.
    let liveBytes = seed.byteLength;
    for (let i = y.index; i >= 0; i--) {
      const e = this.entries[i],
        g = grads[i];
      if (g === null || e.op === "variable") continue;
      const dx = e.inputs.map((v) => {
        if (!v.needsGrad) return null;
        if (grads[v.index] === null) {
          grads[v.index] = this.alloc(v.value.data.length);
          liveBytes += grads[v.index]!.byteLength;
        }
        return grads[v.index];
      });
      this.peak = Math.max(this.peak, this.bytes + liveBytes);
      const x = e.inputs.map((v) => v.value);
      this.rules[e.op].vjp(g, x, e.out, dx, e.attr);
      assertFiniteVjp(e, x, dx);
      grads[i] = null; // passed on: an intermediate's gradient is not kept
      liveBytes -= g.byteLength;
    }
    return this.gradientsFrom(grads);
  }

  /**
   * A zero-filled array for an op's result or a gradient. Small ones are views into a shared
   * block, never handed out twice: a fresh typed array of a few dozen entries costs about a
   * microsecond (its own backing store), more than a small op's arithmetic. A view keeps its
   * block alive, which costs at most SMALL_BLOCK bytes per block.
   */
  private readonly alloc = (n: number): Float64Array => {
    if (n > SMALL_ARRAY) return new Float64Array(n);
    const bytes = 8 * n;
    if (this.block === null || this.blockUsed + bytes > this.block.byteLength) {
      this.block = new ArrayBuffer(SMALL_BLOCK);
      this.blockUsed = 0;
    }
    const a = new Float64Array(this.block, this.blockUsed, n);
    this.blockUsed += bytes;
    return a;
  };

  private assertScalarOutputOfThisTape(y: Value): void {
    if (y.rows !== 1 || y.cols !== 1) {
      throw new TapeError(`backward: the output must be a 1×1 scalar, got a ${y.shape} value (reduce it with sum() or mean())`);
    }
    if (y.tape !== null && y.tape !== this) throw new TapeError("backward: the output is recorded on another tape");
  }

  /** The variables' gradients after backward; asking for anything else is an error. */
  private gradientsFrom(grads: readonly (Float64Array | null)[]): Gradients {
    const entries = this.entries,
      tape = this;
    return {
      of(v: Value): Matrix {
        if (v.tape !== tape || entries[v.index]?.op !== "variable") {
          throw new TapeError(
            `gradient: only a variable of this tape has one (asked for a ${v.shape} ${v.needsGrad ? "intermediate value" : "constant"})`,
          );
        }
        const d = grads[v.index];
        return d ? { rows: v.rows, cols: v.cols, data: d } : zeros(v.rows, v.cols);
      },
    };
  }

  private push(e: Entry): Value {
    this.entries.push(e);
    if (e.op !== "variable") this.bytes += e.out.data.byteLength; // a variable is the caller's, not copied
    return new Value(e.out, this, this.entries.length - 1);
  }
}

/** A NaN or ∞ sent back by a rule is reported where it arose: the op, the entry, the source line. */
function assertFiniteVjp(e: Entry, x: readonly Matrix[], dx: readonly (Float64Array | null)[]): void {
  dx.forEach((d, k) => {
    const q = d ? firstNonFinite(d) : -1;
    if (q >= 0) {
      const what =
        `${e.op} sent ${d![q]} back to its input ${k}, at (${Math.floor(q / x[k].cols)}, ${q % x[k].cols}) ` +
        `of that input's ${x[k].rows}×${x[k].cols} gradient`;
      if (e.site === null) throw new UnlocatedTapeError(`${what}; recorded at a place this tape did not keep`);
      throw new TapeError(`${what}; recorded at ${recordedAt(e.site)}`);
    }
  });
}
