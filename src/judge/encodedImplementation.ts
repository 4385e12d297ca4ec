import { thetaShapes } from "../network/theta.ts";
import type { CallOutcome, CostRequest, Implementation } from "../sandbox/Implementation.ts";
import type { Assignment } from "./Assignment.ts";

/**
 * The submission as the assignment states its interface: requests leave gradcheck 0-based and
 * row-major (the documented protocol) and reach the submission with its label encoding and
 * parameter layout; its grad comes back in its layout and is turned row-major again. With the
 * default assignment nothing is converted and the implementation is returned as it is.
 */
export function encodedImplementation(implementation: Implementation, a: Assignment): Implementation {
  if (a.labels === "0-based" && a.layout === "unrolled") return implementation;
  const decoded = (outcome: CallOutcome, request: CostRequest): CallOutcome =>
    outcome.kind !== "result" || a.layout === "unrolled" || outcome.grad.length !== request.params.length
      ? outcome
      : { ...outcome, grad: Float64Array.from(toRowMajor(outcome.grad, request.layerSizes)) };
  const { callEach } = implementation;
  return {
    description: implementation.description,
    warnings: implementation.warnings,
    close: () => implementation.close(),
    async call(request: CostRequest): Promise<CallOutcome> {
      return decoded(await implementation.call(encodeRequest(request, a)), request);
    },
    ...(callEach
      ? {
          async callEach(requests: readonly CostRequest[]): Promise<CallOutcome[]> {
            const outcomes = await callEach(requests.map((r) => encodeRequest(r, a)));
            return outcomes.map((o, k) => decoded(o, requests[k]));
          },
        }
      : {}),
  };
}

export function encodeRequest(request: CostRequest, a: Assignment): CostRequest {
  const K = request.layerSizes[request.layerSizes.length - 1];
  const y = request.y as readonly number[];
  return {
    ...request,
    params: a.layout === "unrolled-column-major" ? toColumnMajor(request.params, request.layerSizes) : request.params,
    y:
      a.labels === "1-based"
        ? y.map((c) => c + 1)
        : a.labels === "one-hot"
          ? y.map((c) => Array.from({ length: K }, (_, k) => (K === 1 ? c : k === c ? 1 : 0)))
          : y,
  };
}

/** Each Θ⁽ˡ⁾ read row by row, written column by column: Octave's [Theta1(:); Theta2(:)]. */
export function toColumnMajor(params: ArrayLike<number>, layerSizes: readonly number[]): number[] {
  return relayout(params, layerSizes, (r, c, rows, cols) => [r * cols + c, c * rows + r]);
}

export function toRowMajor(params: ArrayLike<number>, layerSizes: readonly number[]): number[] {
  return relayout(params, layerSizes, (r, c, rows, cols) => [c * rows + r, r * cols + c]);
}

function relayout(
  params: ArrayLike<number>,
  layerSizes: readonly number[],
  map: (r: number, c: number, rows: number, cols: number) => [number, number],
): number[] {
  const out = new Array<number>(params.length);
  let at = 0;
  for (const [rows, cols] of thetaShapes(layerSizes)) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [from, to] = map(r, c, rows, cols);
        out[at + to] = params[at + from];
      }
    }
    at += rows * cols;
  }
  return out;
}
