import { describe, expect, it } from "vitest";
import { diagnose, diagnosticCases } from "../../src/judge/diagnose.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";
import { mistakes } from "../../src/mistakes/index.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

/** A saturated case: the third output unit's z is 36 + 27·x, so a naive log(1 − h) there is log(0). */
const saturated: LabelledCase = {
  name: "saturated-[1,3,3]",
  layerSizes: [1, 3, 3],
  hiddenActivation: "sigmoid",
  outputActivation: "sigmoid",
  cost: "cross-entropy",
  lambda: 0,
  X: fromRows([[0], [0.9]]),
  Y: fromRows([
    [1, 0, 0],
    [1, 0, 0],
  ]),
  labels: [0, 0],
  theta: [
    fromRows([
      [0, 0],
      [0, 0],
      [0, 0],
    ]),
    fromRows([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [36, 27, 0, 0],
    ]),
  ],
};

/**
 * ex4-style code with one slip (g′ missing) whose cost takes the naive log: its J is infinite
 * exactly where an output saturates, and elsewhere equal to the stable J.
 */
const slipWithNaiveLog = inProcessImplementation(async (params, layerSizes, X, y, lambda) => {
  const r = await mistakes["missing-activation-derivative"](params, layerSizes, X, y, lambda);
  return { J: layerSizes.join() === "1,3,3" ? Infinity : r.J, grad: r.grad };
}, "missing g′, naive log");

describe("diagnosis where a naive log is allowed", () => {
  it("names the slip from the gradient when the naive log made J infinite", async () => {
    expect(await diagnose(slipWithNaiveLog, saturated, diagnosticCases, { allowUnstableCost: true })).toEqual([
      "missing-activation-derivative",
    ]);
  });

  it("does not, where the naive log is not allowed: an infinite J is then part of what is wrong", async () => {
    expect(await diagnose(slipWithNaiveLog, saturated, diagnosticCases)).toEqual([]);
  });
});
