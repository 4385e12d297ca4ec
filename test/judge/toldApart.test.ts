import { describe, expect, it } from "vitest";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { diagnose, diagnosticCasesFor } from "../../src/judge/diagnose.ts";
import { mistakes, nnCostFunctionWith } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { nearMatch } from "../../src/judge/clues/nearMatch.ts";
import type { Sample } from "../../src/judge/clues/Evidence.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { unroll } from "../../src/network/theta.ts";
import { requestOf } from "../../src/judge/requestOf.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";

// At λ = 0 every regulariser slip gives the right answer, and at K = 1 one-hot labels change
// nothing: an answer that matches such a mistake there says nothing about it.
const parsed = parseAssignment({ lambda: "0", classes: "1", hiddenLayers: "1" });
if (!parsed.ok) throw new Error(parsed.error);
const onlyLambda0K1 = diagnosticCasesFor(parsed.assignment);

describe("a mistake is named only where it is told apart from the right answer", () => {
  it("the cases really cannot tell the regulariser and label slips from the right answer", async () => {
    for (const id of ["regularized-bias", "lambda-not-divided-by-m", "no-regularization-in-gradient", "labels-not-one-hot"] as const) {
      expect(onlyLambda0K1.every((c) => c.lambda === 0 && c.layerSizes.at(-1) === 1)).toBe(true);
      const named = await diagnose(inProcessImplementation(mistakes[id], id), undefined, onlyLambda0K1);
      expect(named, id).not.toContain(id);
    }
  });
  it("correct code is told no mistake on them", async () => {
    expect(await diagnose(inProcessImplementation(nnCostFunctionWith({}), "right"), undefined, onlyLambda0K1)).toEqual([]);
  });
  it("a mistake the cases do show is still named", async () => {
    const named = await diagnose(inProcessImplementation(mistakes["missing-activation-derivative"], "slip"), undefined, onlyLambda0K1);
    expect(named).toEqual(["missing-activation-derivative"]);
  });
});

describe("near matches come from the assignment's family only", () => {
  const answer = async (fn: NnCostFunction, c: LabelledCase) => {
    const r = requestOf(c);
    const { J, grad } = await fn(
      Float64Array.from(r.params),
      r.layerSizes.slice(),
      r.X.map((x) => x.slice()),
      r.y.slice(),
      r.lambda,
    );
    return { J, grad: Float64Array.from(grad) };
  };
  const sample = async (c: LabelledCase, fn: NnCostFunction): Promise<Sample> => {
    const expected = batchBackprop(c, c.theta);
    return { c, expected: { J: expected.J, grad: unroll(expected.grad) }, got: await answer(fn, c) };
  };
  it("a sigmoid network answered as a softmax one is no near match of softmax-without-max-shift", async () => {
    const [first, ...rest] = diagnosticCases;
    const samples = [
      await sample(first, mistakes["softmax-without-max-shift"]),
      ...(await Promise.all(rest.map((c) => sample(c, nnCostFunctionWith({}))))),
    ];
    expect(samples[0].got.J).not.toBeCloseTo(samples[0].expected.J, 6);
    const evidence = { samples, costWrong: true, gradientWrong: true, selfInconsistent: false };
    expect(await nearMatch(evidence)).toBeUndefined();
    // a slip of the family itself, in the first case only, still is one
    const own = [await sample(first, mistakes["regularized-bias"]), ...samples.slice(1)];
    expect((await nearMatch({ ...evidence, samples: own }))?.message).toMatch(/^regularized-bias reproduces/);
  });
});
