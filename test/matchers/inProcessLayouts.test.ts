import { describe, expect, it } from "vitest";
import "../../matchers/index.ts";
import { checkNnCostFunction } from "../../src/judge/checkNnCostFunction.ts";
import { defaultAssignment } from "../../src/judge/Assignment.ts";
import { mistakes } from "../../src/mistakes/mistakes.ts";
import { referenceNnCostFunction } from "../../src/mistakes/referenceNnCostFunction.ts";
import type { NnCostFunction, WbCostFunction } from "../../src/mistakes/NnCostFunction.ts";
import type { WbLayer } from "../../src/sandbox/Implementation.ts";

/** Θ⁽ˡ⁾ (out × (in + 1), bias column first) from {W: in × out rows, b: out}, and back. */
const unrolledOf = (params: readonly WbLayer[]) =>
  Float64Array.from(params.flatMap(({ W, b }) => b.flatMap((bi, i) => [bi, ...W.map((row) => row[i]!)])));
const wbOf = (flat: ArrayLike<number>, layerSizes: readonly number[]) => {
  let q = 0;
  return layerSizes.slice(0, -1).map((inputs, l) => {
    const out = layerSizes[l + 1]!;
    const W = Array.from({ length: inputs }, () => new Array<number>(out).fill(0)),
      b = new Array<number>(out).fill(0);
    for (let i = 0; i < out; i++) {
      b[i] = flat[q++]!;
      for (let j = 0; j < inputs; j++) W[j]![i] = flat[q++]!;
    }
    return { W, b };
  });
};
/** An nnCostFunction in the wb layout, built on an unrolled one. */
const inWb =
  (fn: NnCostFunction): WbCostFunction =>
  async (params, layerSizes, X, y, lambda) => {
    const { J, grad } = await fn(unrolledOf(params), layerSizes, X, y as number[], lambda);
    return { J, grad: wbOf(grad, layerSizes) };
  };
const wb = { ...defaultAssignment, layout: "wb" } as const;

describe("in this process, every layout the CLI takes", () => {
  it("checkNnCostFunction takes the wb layout: the reference passes, a catalogued mistake is named", async () => {
    const right = await checkNnCostFunction(inWb(referenceNnCostFunction), { runs: 15, assignment: wb });
    expect(right.passed, right.message).toBe(true);
    const slip = await checkNnCostFunction(inWb(mistakes["lambda-not-divided-by-m"]), { runs: 15, assignment: wb });
    expect(slip.mistakes).toEqual(["lambda-not-divided-by-m"]);
  });

  it("toPassGradcheck takes it too, and .not does not pass on a refusal to run", async () => {
    await expect(inWb(referenceNnCostFunction)).toPassGradcheck({ runs: 10, assignment: wb });
    // A function that cannot be called as asked (here it answers unrolled where wb was asked) is no "does not pass".
    await expect(expect(referenceNnCostFunction).not.toPassGradcheck({ runs: 5, assignment: wb })).rejects.toThrow(
      /could not run the check/,
    );
  });
});
