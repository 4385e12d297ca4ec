import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { loopBackprop } from "../../src/backprop/loop.ts";
import { parseCase } from "../../src/caseio/parseCase.ts";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { backpropRoundOff } from "../../src/judge/backpropRoundOff.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { againstReference } from "../../src/judge/againstReference.ts";
import { agreement } from "../../src/judge/caseTolerances.ts";
import { submissionCaseArbitrary } from "../../src/judge/submissionCaseArbitrary.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import { unroll } from "../../src/network/theta.ts";

/**
 * CS231n's FullyConnectedNet, correct, on seed 3: a saturated softmax whose δ⁽ᴸ⁾ = a − y cancels
 * to its rounding, carried back through weights of 42, 30 and 9. Its Θ⁽³⁾[3,4] is −2.6e-12
 * where gradcheck's is −2.8e-13: both round-off, and once a false alarm against (a)'s floor 1e-12.
 */
const saturated = {
  name: "counterexample-[1,3,4,3,2]-m3-saturated",
  layerSizes: [1, 3, 4, 3, 2],
  hiddenActivation: "relu",
  outputActivation: "softmax",
  cost: "cross-entropy",
  lambda: 0,
  X: [[-1.2], [0], [0]],
  Y: [
    [0, 1],
    [1, 0],
    [1, 0],
  ],
  theta: [
    [
      [0, 0],
      [-45, 0],
      [0, -42],
    ],
    [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [3, 0, 0, 0],
      [0, 0, 0, 30],
    ],
    [
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 9, 0],
    ],
    [
      [0, 0, 0, -42],
      [18, 0, 0, -42],
    ],
  ],
};
const submitted = {
  J: 12.000000015229979,
  grad: [
    [
      [0, 0],
      [0, 0],
      [0, 0],
    ],
    [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [-7.357992169143642e-14, 0, 0, -7.875645022225634e-13],
      [0, 0, 0, 0],
    ],
    [
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [-8.175546854604046e-15, 0, 0, -2.4526640563812138e-14, -2.625215007408545e-12],
    ],
    [
      [-0.6666666514366872, 0, 0, -17.99999958879055],
      [0.6666666514366872, 0, 0, 17.99999958879056],
    ],
  ],
};

function labelled(file: unknown): LabelledCase {
  const parsed = parseCase(file);
  if (!parsed.ok) throw new Error(parsed.error);
  return { ...parsed.value, labels: [1, 0, 0] };
}

describe("(a) allows the round-off a correct backward pass carries, and no more", () => {
  const c = labelled(saturated);
  const grad = Float64Array.from(submitted.grad.flat(2));

  it("CS231n's correct gradient on the saturated case passes; it is off by more than the floor alone", () => {
    const reference = batchBackprop(c, c.theta);
    expect(Math.max(...grad.map((g, q) => Math.abs(g - unroll(reference.grad)[q]!)))).toBeGreaterThan(agreement.atol);
    expect(againstReference(c, { J: submitted.J, grad }, reference, agreement)).toEqual([]);
  });

  it("meta: an output-layer entry off by 1e-6 relative, or the tiny entry off by 1e-10, still fails", () => {
    const reference = batchBackprop(c, c.theta);
    const last = grad.length - 1;
    const scaled = grad.map((g, q) => (q === last ? g * (1 + 1e-6) : g));
    expect(againstReference(c, { J: submitted.J, grad: scaled }, reference, agreement).map((f) => f.problem)).toEqual([
      "gradient-mismatch",
    ]);
    const tiny = grad.indexOf(-2.625215007408545e-12);
    const shifted = grad.map((g, q) => (q === tiny ? g + 1e-10 : g));
    expect(againstReference(c, { J: submitted.J, grad: shifted }, reference, agreement).map((f) => f.problem)).toEqual([
      "gradient-mismatch",
    ]);
  });

  it("on an ordinary network the bound stays far below the floor: (a) is as sharp as before", () => {
    for (const ordinary of diagnosticCases) expect(Math.max(...backpropRoundOff(ordinary))).toBeLessThan(agreement.atol / 100);
  });

  it("differential: the per-example loop and the batch backward pass differ by less than the bound on saturated relu networks", () => {
    const parsed = parseAssignment({ hiddenActivation: "relu", output: "softmax-cross-entropy" });
    if (!parsed.ok) throw new Error(parsed.error);
    const cases = fc.sample(
      submissionCaseArbitrary({ shrinkValues: false, assignment: parsed.assignment, regimes: ["saturated", "overflow"] }),
      {
        seed: 3,
        numRuns: 60,
      },
    );
    let differing = 0;
    for (const k of cases) {
      const bound = backpropRoundOff(k);
      const batch = unroll(batchBackprop(k, k.theta).grad),
        loop = unroll(loopBackprop(k, k.theta).grad);
      differing += batch.filter((b, q) => b !== loop[q]).length;
      batch.forEach((b, q) => expect(Math.abs(b - loop[q]!), `${k.name} entry ${q}`).toBeLessThanOrEqual(bound[q]! + 1e-9 * Math.abs(b)));
    }
    // the two summation orders do differ: the bound is put to the test
    expect(differing).toBeGreaterThan(0);
  });
});
