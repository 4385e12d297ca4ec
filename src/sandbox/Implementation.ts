/**
 * One layer's parameters in the `wb` layout (docs/protocol.md): z = a·W + b, W in × out given
 * as in rows of out numbers, b out numbers.
 */
export interface WbLayer {
  readonly W: readonly (readonly number[])[];
  readonly b: readonly number[];
}

/** One call of nnCostFunction as it travels to a submission (the request fields of docs/check.md). */
export interface CostRequest {
  /** unrolled Θ (row-major or, when the assignment says so, column-major), or one {W, b} per layer */
  readonly params: readonly number[] | readonly WbLayer[];
  readonly layerSizes: readonly number[];
  readonly X: readonly (readonly number[])[];
  /** 0-based labels as documented; 1-based, or one-hot rows, when the assignment says so */
  readonly y: readonly number[] | readonly (readonly number[])[];
  readonly lambda: number;
}

/** What came back from one call: an answer, or why there is none. Data, never a throw. */
export type CallOutcome =
  | {
      readonly kind: "result";
      readonly J: number;
      /** flat, in the order of params: as unrolled, or per layer W row by row then b (flatParams) */
      readonly grad: Float64Array;
      readonly mutated: readonly string[];
    }
  | {
      readonly kind: "threw" | "bad-return" | "wrong-gradient-shape" | "timeout" | "crashed" | "memory-limit";
      readonly message: string;
      readonly mutated?: readonly string[];
      /** a process submission that ended before it ever answered: it never got going (exit 2) */
      readonly neverAnswered?: boolean;
    };

/** Something that answers cost requests: a sandboxed child process, or a function in this process. */
export interface Implementation {
  /** e.g. "module nnCostFunction.mjs" or "process python3 nn.py" */
  readonly description: string;
  /** What the sandbox could not enforce here, said once. */
  readonly warnings: readonly string[];
  call(request: CostRequest): Promise<CallOutcome>;
  close(): Promise<void>;
}
