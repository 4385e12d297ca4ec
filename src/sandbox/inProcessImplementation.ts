import { preview } from "./answerDepth.ts";
import type { NnCostFunction } from "../mistakes/NnCostFunction.ts";
import { gradientOfAnswer, isWb } from "./gradientOfAnswer.ts";
import type { CallOutcome, CostRequest, Implementation } from "./Implementation.ts";
import { clipText } from "./clipText.ts";

/**
 * A trusted nnCostFunction (gradcheck's own catalogue, a user's test double) answering in this
 * process, with the same fresh-copy discipline as the sandbox. Never use it for untrusted code.
 * A request in the `wb` layout reaches fn as one {W, b} per layer (fn is then a WbCostFunction).
 */
export function inProcessImplementation(fn: NnCostFunction, description: string): Implementation {
  return {
    description,
    warnings: [],
    async call(request: CostRequest): Promise<CallOutcome> {
      // Every layout the CLI takes: unrolled Θ as a Float64Array, or one {W, b} per layer (fresh copies either way).
      const params = isWb(request.params)
        ? request.params.map((layer) => ({ W: layer.W.map((row) => row.slice()), b: layer.b.slice() }))
        : Float64Array.from(request.params);
      try {
        const { J, grad } = await (fn as (...args: unknown[]) => ReturnType<NnCostFunction>)(
          params,
          request.layerSizes.slice(),
          request.X.map((r) => r.slice()),
          copyLabels(request.y),
          request.lambda,
        );
        if (typeof J !== "number") return { kind: "bad-return", message: `J is a ${typeof J}, expected a number` };
        const flat = isWb(request.params)
          ? gradientOfAnswer(grad, request.params)
          : { ok: true as const, grad: Float64Array.from(grad as ArrayLike<number>) };
        if (!flat.ok) return { kind: flat.kind, message: flat.message };
        return { kind: "result", J, grad: flat.grad, mutated: [] };
      } catch (e) {
        const thrown = (e as Error)?.message ?? e;
        return { kind: "threw", message: clipText(typeof thrown === "string" ? thrown : preview(thrown, 200)) };
      }
    },
    async close() {},
  };
}

/** Labels as the assignment encodes them (0- or 1-based numbers, or one-hot rows), copied. */
function copyLabels(y: CostRequest["y"]): unknown[] {
  return (y as readonly unknown[]).map((label) => (Array.isArray(label) ? label.slice() : label));
}
