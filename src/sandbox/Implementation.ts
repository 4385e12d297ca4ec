/** One call of nnCostFunction as it travels to a submission (the request fields of docs/check.md). */
export interface CostRequest {
  readonly params: readonly number[];
  readonly layerSizes: readonly number[];
  readonly X: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly lambda: number;
}

/** What came back from one call: an answer, or why there is none. Data, never a throw. */
export type CallOutcome =
  | { readonly kind: "result"; readonly J: number; readonly grad: Float64Array; readonly mutated: readonly string[] }
  | {
      readonly kind: "threw" | "bad-return" | "timeout" | "crashed";
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
