import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import {
  lectureFamily,
  mistakeIds,
  mistakeInfo,
  mistakes,
  mistakesFor,
  nnCostFunctionWith,
  referenceNnCostFunction,
} from "../../src/mistakes/index.ts";
import { unroll } from "../../src/network/theta.ts";
import { checkImplementation, diagnose, diagnosticCases } from "../../src/judge/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { requestOf } from "../../src/judge/requestOf.ts";

const contractIds = [
  "regularized-bias",
  "lambda-not-divided-by-m",
  "missing-activation-derivative",
  "activation-derivative-of-activation",
  "gradient-not-divided-by-m",
  "no-regularization-in-gradient",
  "squared-error-output-delta",
  "labels-not-one-hot",
];

const seed = 20240601;
/** The mistakes of the lecture's family, where `check` runs by default. */
const lectureIds = [...mistakesFor(lectureFamily).keys()];

describe("the catalogue of known mistakes", () => {
  it("holds every mistake id of the contract, verbatim, and the four more the issue names", () => {
    for (const id of contractIds) expect(mistakeIds).toContain(id);
    for (const id of ["regularized-with-Delta", "dropped-wrong-delta-row", "labels-shifted-by-one", "weights-reinitialized"])
      expect(mistakeIds).toContain(id);
    for (const id of mistakeIds) {
      const info = mistakeInfo[id];
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.explanation.length).toBeGreaterThan(0);
      expect(info.hint.length).toBeGreaterThan(0);
    }
  });

  it("has a correct reference with the contract signature: it matches batchBackprop on the sigmoid cross-entropy reference cases", async () => {
    const cases = referenceCases().filter(
      (c) => c.hiddenActivation === "sigmoid" && c.outputActivation === "sigmoid" && c.cost === "cross-entropy" && c.labels,
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const r = requestOf({ ...c, labels: c.labels! });
      const got = await referenceNnCostFunction(
        Float64Array.from(r.params),
        r.layerSizes.slice(),
        r.X.map((x) => x.slice()),
        r.y.slice(),
        r.lambda,
      );
      const want = batchBackprop(c, c.theta);
      expect(Math.abs(got.J - want.J)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want.J)));
      unroll(want.grad).forEach((g, p) => expect(Math.abs(got.grad[p] - g)).toBeLessThan(1e-12 * Math.max(1, Math.abs(g))));
    }
  });

  it("passes the check itself (a meta-test that can fail: the reference is the control)", async () => {
    const report = await checkImplementation(inProcessImplementation(referenceNnCostFunction, "reference"), { seed, runs: 100 });
    expect(report.passed).toBe(true);
  });

  it("every mistake differs from the reference on the diagnostic cases, and the diagnosis names exactly it", async () => {
    for (const id of lectureIds) {
      expect(await diagnose(inProcessImplementation(mistakes[id]!, id), undefined)).toEqual([id]);
    }
    expect(diagnosticCases.length).toBeGreaterThan(1);
  });

  it.each(lectureIds)("%s is caught, shrunk to a small network, and named", async (id) => {
    const report = await checkImplementation(inProcessImplementation(mistakes[id]!, id), { seed, runs: 100 });
    expect(report.passed).toBe(false);
    const ce = report.counterexample!;
    const params = ce.theta.reduce((n, T) => n + T.length * T[0].length, 0);
    const shrunk = `shrunk to layerSizes [${ce.layerSizes}], m = ${ce.X.length}, λ = ${ce.lambda}, ${params} parameters (first failure [${report.firstFailure?.layerSizes}], m = ${report.firstFailure?.m}; ${report.shrinks} shrinks)`;
    expect(ce.layerSizes.length, shrunk).toBeLessThanOrEqual(3);
    expect(Math.max(...ce.layerSizes), shrunk).toBeLessThanOrEqual(2);
    expect(ce.X.length, shrunk).toBeLessThanOrEqual(2);
    expect(report.mistakes).toEqual([id]);
  });

  it("the consistent mistakes pass self-consistency (b) and fail only the comparison with gradcheck (a)", async () => {
    for (const id of ["regularized-bias", "labels-not-one-hot", "labels-shifted-by-one"] as const) {
      const report = await checkImplementation(inProcessImplementation(mistakes[id]!, id), { seed, runs: 50 });
      expect(report.checks).toEqual({ matchesReference: false, selfConsistent: true });
    }
    const slide = await checkImplementation(inProcessImplementation(mistakes["lambda-not-divided-by-m"]!, "slide"), { seed, runs: 50 });
    expect(slide.checks).toEqual({ matchesReference: false, selfConsistent: false });
    expect(slide.counterexample!.X.length).toBe(2); // the slip needs m ≥ 2 and λ > 0
    expect(slide.counterexample!.lambda).toBeGreaterThan(0);
  });
});

describe("diagnosis of two mistakes at once", () => {
  it("names both when a submission makes two independent slips", async () => {
    const both = nnCostFunctionWith({ ...mistakeInfo["regularized-bias"].slips, ...mistakeInfo["missing-activation-derivative"].slips });
    const report = await checkImplementation(inProcessImplementation(both, "two slips"), { seed, runs: 50 });
    expect(report.passed).toBe(false);
    expect(report.mistakes).toEqual(["regularized-bias", "missing-activation-derivative"]);
  });

  it("says nothing (unrecognised) for an error outside the catalogue", async () => {
    const doubled = async (...args: Parameters<typeof referenceNnCostFunction>) => {
      const r = await referenceNnCostFunction(...args);
      return { J: r.J, grad: Array.from(r.grad, (g) => 2 * g) };
    };
    const report = await checkImplementation(inProcessImplementation(doubled, "doubled"), { seed, runs: 50 });
    expect(report.passed).toBe(false);
    expect(report.mistakes).toEqual([]);
  });
});
