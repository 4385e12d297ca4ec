import type { CallOutcome, CostRequest, Implementation } from "../sandbox/Implementation.ts";
import type { Assignment } from "./Assignment.ts";
import { decodeGradient, encodeParams } from "./parameterLayout.ts";

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
      : { ...outcome, grad: decodeGradient(outcome.grad, request.layerSizes, a.layout) };
  const { callEach } = implementation;
  return {
    description: implementation.description,
    warnings: implementation.warnings,
    close: () => implementation.close(),
    ...(implementation.exhausted ? { exhausted: () => implementation.exhausted!() } : {}),
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

/** A request as gradcheck builds it (row-major params, 0-based labels), in the assignment's encoding. */
export function encodeRequest(request: CostRequest, a: Assignment): CostRequest {
  const K = request.layerSizes[request.layerSizes.length - 1];
  const y = request.y as readonly number[];
  return {
    ...request,
    params: encodeParams(request.params as readonly number[], request.layerSizes, a.layout),
    y:
      a.labels === "1-based"
        ? y.map((c) => c + 1)
        : a.labels === "one-hot"
          ? y.map((c) => Array.from({ length: K }, (_, k) => (K === 1 ? c : k === c ? 1 : 0)))
          : y,
  };
}
