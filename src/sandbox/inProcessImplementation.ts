import { preview } from "./answerDepth.ts";
import type { NnCostFunction } from "../mistakes/NnCostFunction.ts";
import { isWb } from "./gradientOfAnswer.ts";
import type { CallOutcome, CostRequest, Implementation } from "./Implementation.ts";
import { clipText } from "./untrustedText.ts";

/**
 * A trusted nnCostFunction (gradcheck's own catalogue, a user's test double) answering in this
 * process, with the same fresh-copy discipline as the sandbox. Never use it for untrusted code.
 */
export function inProcessImplementation(fn: NnCostFunction, description: string): Implementation {
  return {
    description,
    warnings: [],
    async call(request: CostRequest): Promise<CallOutcome> {
      // An NnCostFunction takes Θ unrolled; per-layer {W, b} reach module and process submissions only.
      if (isWb(request.params))
        return { kind: "bad-return", message: "an in-process nnCostFunction takes unrolled params, not the wb layout" };
      const params = Float64Array.from(request.params);
      try {
        const { J, grad } = await fn(
          params,
          request.layerSizes.slice(),
          request.X.map((r) => r.slice()),
          (request.y as readonly number[]).slice(),
          request.lambda,
        );
        if (typeof J !== "number") return { kind: "bad-return", message: `J is a ${typeof J}, expected a number` };
        return { kind: "result", J, grad: Float64Array.from(grad), mutated: [] };
      } catch (e) {
        const thrown = (e as Error)?.message ?? e;
        return { kind: "threw", message: clipText(typeof thrown === "string" ? thrown : preview(thrown, 200)) };
      }
    },
    async close() {},
  };
}
