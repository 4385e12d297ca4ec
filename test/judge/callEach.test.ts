import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { referenceNnCostFunction, type NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import type { CallOutcome, CostRequest, Implementation } from "../../src/sandbox/Implementation.ts";
import { planted } from "../helpers/plantedBugs.ts";

/** The implementation with a callEach that answers each request through call, recording how many came together. */
function batching(implementation: Implementation): { implementation: Implementation; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    implementation: {
      ...implementation,
      async callEach(requests: readonly CostRequest[]): Promise<CallOutcome[]> {
        batches.push(requests.length);
        const outcomes: CallOutcome[] = [];
        for (const r of requests) outcomes.push(await implementation.call(r));
        return outcomes;
      },
    },
  };
}

/** Each run gets a fresh function: one that keeps state must start both runs from none. */
const submissions: [string, () => NnCostFunction][] = [
  ["the reference", () => referenceNnCostFunction],
  ["a hidden δ without g'(z)", () => planted({ noDerivativeIn: [1] })],
  ["a naive log", () => planted({ naiveLog: true })],
  ["a regularised bias column", () => planted({ regularizeBiasOfLayer: 1 })],
  ["Δ kept between calls (the calls come in the same order)", () => planted({ globalDelta: true })],
];

describe("calls sent together (callEach)", () => {
  it.each(submissions)("give the same report as one call at a time: %s", async (_name, fresh) => {
    const alone = await checkImplementation(inProcessImplementation(fresh(), "f"), { runs: 30 });
    const together = batching(inProcessImplementation(fresh(), "f"));
    const report = await checkImplementation(together.implementation, { runs: 30 });
    expect(report).toEqual(alone);
    // (b)'s points of a case went in one batch, not one call each
    expect(Math.max(...together.batches)).toBeGreaterThanOrEqual(12);
  });
});
