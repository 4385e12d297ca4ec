import { describe, expect, it } from "vitest";
import { defaultAssignment, parseAssignment } from "../../src/judge/Assignment.ts";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { referenceNnCostFunction, type NnCostFunction } from "../../src/mistakes/index.ts";
import { thetaShapes } from "../../src/network/theta.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

const seed = 20240601,
  runs = 40;
const assignment = (fields: Record<string, unknown>) => {
  const parsed = parseAssignment(fields);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
};

describe("parseAssignment", () => {
  it("is the documented default with no fields, and the profile then each field otherwise", () => {
    expect(assignment({})).toEqual(defaultAssignment);
    expect(assignment({ profile: "ex4" })).toMatchObject({
      hiddenLayers: { min: 1, max: 1 },
      classes: { min: 2, max: 6 },
      allowUnstableCost: true,
      output: "sigmoid-cross-entropy",
    });
    expect(assignment({ profile: "ex4", hiddenLayers: "1..2", classes: "3..", lambda: "0,3" })).toMatchObject({
      hiddenLayers: { min: 1, max: 2 },
      classes: { min: 3, max: 12 },
      lambdas: [0, 3],
    });
    expect(assignment({ output: "softmax-cross-entropy" }).classes.min).toBe(2);
  });
  it.each([
    [
      { output: "softmax" },
      'assignment output: expected one of sigmoid-cross-entropy, softmax-cross-entropy, sigmoid-squared-error, identity-squared-error, got "softmax"',
    ],
    [{ hiddenLayers: "2..1" }, "assignment hiddenLayers: expected a range within 0..4, got 2..1"],
    [{ lambda: "1,-2" }, 'assignment lambda: expected a list of numbers ≥ 0 such as "0,1,10", got "1,-2"'],
    [{ profile: "ex5" }, 'assignment profile: unknown profile "ex5"; known: ex4, cs231n, dlai'],
    [
      { colour: "blue" },
      "assignment colour: unknown field; expected one of profile, hiddenActivation, output, labels, layout, hiddenLayers, classes, lambda, allowUnstableCost, variant, regularizer",
    ],
    [{ output: "softmax-cross-entropy", classes: "1" }, "assignment classes: a softmax output needs K ≥ 2, got at most 1"],
    [{ variant: "two-layer" }, "assignment variant: belongs to a course profile (cs231n, dlai), and none is given"],
    [{ profile: "cs231n", variant: "three-layer" }, 'assignment variant: expected one of two-layer, fc-net, got "three-layer"'],
    [{ profile: "cs231n", regularizer: "l2" }, 'assignment regularizer: expected reg (reg·ΣW²) or half-reg (0.5·reg·ΣW²), got "l2"'],
  ])("%j is refused with a message naming the field", (fields, message) => {
    expect(parseAssignment(fields)).toEqual({ ok: false, error: message });
  });
});

/** The reference, re-expressed the way another course hands over labels and Θ (written here independently). */
function octaveStyle(oneHot: boolean): NnCostFunction {
  return async (params, layerSizes, X, y, lambda) => {
    const rowMajor = new Float64Array(params.length),
      shapes = thetaShapes(layerSizes);
    let at = 0;
    for (const [rows, cols] of shapes) {
      for (let q = 0; q < rows * cols; q++) rowMajor[at + Math.floor(q / rows) + (q % rows) * cols] = params[at + q];
      at += rows * cols;
    }
    const labels = oneHot ? (y as unknown as number[][]).map((row) => (row.length === 1 ? row[0] : row.indexOf(1))) : y.map((c) => c - 1);
    const { J, grad } = await referenceNnCostFunction(rowMajor, layerSizes, X, labels, lambda);
    const out = new Float64Array(grad.length);
    at = 0;
    for (const [rows, cols] of shapes) {
      for (let q = 0; q < rows * cols; q++) out[at + q] = grad[at + Math.floor(q / rows) + (q % rows) * cols];
      at += rows * cols;
    }
    return { J, grad: out };
  };
}

describe("labels and layouts reach the submission as the assignment states them", () => {
  it("1-based labels and column-major Θ: right with the flags, wrong without", async () => {
    const fn = inProcessImplementation(octaveStyle(false), "octave-style");
    const stated = await checkImplementation(fn, {
      seed,
      runs,
      assignment: assignment({ labels: "1-based", layout: "unrolled-column-major" }),
    });
    expect(stated.passed).toBe(true);
    const unstated = await checkImplementation(fn, { seed, runs });
    expect(unstated.passed).toBe(false);
  });
  it("one-hot label matrices with column-major Θ", async () => {
    const fn = inProcessImplementation(octaveStyle(true), "one-hot");
    expect(
      (await checkImplementation(fn, { seed, runs, assignment: assignment({ labels: "one-hot", layout: "unrolled-column-major" }) }))
        .passed,
    ).toBe(true);
  });
});
