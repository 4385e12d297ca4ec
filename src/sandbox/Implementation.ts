import type { AnswerFindingKind } from "../outcome/index.ts";

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
      /** why there is no answer: a kind of the one vocabulary (src/outcome), which judge's finding keeps */
      readonly kind: Extract<AnswerFindingKind, "threw" | "bad-return" | "wrong-gradient-shape" | "timeout" | "crashed" | "memory-limit">;
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
  /**
   * Several calls answered in order, as `call` one after another would answer them (each
   * call keeps its own time limits), but sent together so the answers need not wait for a
   * round trip each. Returns one outcome per request, or fewer when the child ended (a crash,
   * a time limit, the memory limit): the outcomes up to that one. Optional: see callInOrder.
   */
  callEach?(requests: readonly CostRequest[]): Promise<CallOutcome[]>;
  /**
   * The submission has spent its time for calls that get no answer (src/sandbox/hangBudget.ts):
   * later calls are timeouts that did not run, and say nothing about their case.
   */
  exhausted?(): boolean;
  close(): Promise<void>;
}

/** Outcomes are results, or why there is none; these end the child, and so the calls after them. */
const endsChild: ReadonlySet<CallOutcome["kind"]> = new Set(["timeout", "crashed", "memory-limit"]);

/**
 * The requests answered in order: through the implementation's callEach when it has one,
 * else one call after another, stopping after an outcome that ends the child (callEach's contract).
 */
export async function callInOrder(implementation: Implementation, requests: readonly CostRequest[]): Promise<CallOutcome[]> {
  if (implementation.callEach) return implementation.callEach(requests);
  const outcomes: CallOutcome[] = [];
  for (const r of requests) {
    const o = await implementation.call(r);
    outcomes.push(o);
    if (endsChild.has(o.kind)) break;
  }
  return outcomes;
}
