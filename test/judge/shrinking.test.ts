import { describe, expect, it } from "vitest";
import { checkImplementation, defaultSeed } from "../../src/judge/checkImplementation.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { matrix } from "../../src/linalg/Matrix.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";
import { planted, type Planted } from "../helpers/plantedBugs.ts";

/** Bugs that have nothing to do with the bias: the hint must never say "bias column only". */
const notBias: Array<[string, Planted]> = [
  ["tanh′ used for sigmoid", { tanhDerivative: true }],
  ["no g′ in the first hidden layer only", { noDerivativeIn: [1] }],
  ["g′ at z recomputed without the bias", { zWithoutBias: true }],
  ["every odd-numbered example dropped", { dropOddExamples: true }],
  ["regulariser starting at column 2", { regularizeFrom: 2 }],
];

describe("shrinking keeps the evidence, and the location hint is never wrong", () => {
  it.each(notBias)("%s: the shrunk case still shows weight-column errors", async (_bug, p) => {
    const report = await checkImplementation(inProcessImplementation(planted(p), "planted"));
    expect(report.passed).toBe(false);
    const mismatch = report.findings.find((f) => f.problem === "gradient-mismatch");
    expect(mismatch, report.findings.map((f) => f.message).join("\n")).toBeDefined();
    expect(mismatch!.message).not.toMatch(/bias column only/);
    expect(mismatch!.wrongParts!.some((part) => / weights$| weight columns? j = /.test(part))).toBe(true);
    // the inputs that carry the evidence survive simplification
    expect(report.counterexample!.X.flat().some((x) => x !== 0)).toBe(true);
  });

  it.each([
    [2, "j = 1", defaultSeed],
    [2, "j = 1", 1],
    [2, "j = 1", 2],
    [3, "j = 1, 2", defaultSeed],
  ])(
    "a regulariser that starts at column %i keeps a right column beside the wrong ones (%s), and the hint names them; seed %i",
    async (from, columns, seed) => {
      const report = await checkImplementation(inProcessImplementation(planted({ regularizeFrom: from }), "planted"), { seed });
      const ce = report.counterexample!;
      const mismatch = report.findings.find((f) => f.problem === "gradient-mismatch")!;
      const shown = `shrunk to [${ce.layerSizes}] from [${report.firstFailure?.layerSizes}]: ${mismatch.message}`;
      // the bias, the wrong columns and one right column: fewer would look like no regularisation
      expect(ce.theta[0][0].length, shown).toBeGreaterThanOrEqual(from + 1);
      expect(mismatch.message, shown).toContain(
        `Θ⁽¹⁾: weight column${from > 2 ? "s" : ""} ${columns} only, its other weight columns right`,
      );
      expect(mismatch.wrongParts, shown).toContain(`Θ⁽¹⁾ weight column${from > 2 ? "s" : ""} ${columns}`);
    },
  );

  it("a shrinking step to a case that fails another way is not taken: a wrong value does not shrink into a throw", async () => {
    const wrong = planted({ regularizeBiasOfLayer: 0 });
    // wrong on every network, and throws on a single example: two failures, not one
    const twoFailures: NnCostFunction = (params, layerSizes, X, y, lambda) => {
      if (X.length === 1) throw new Error("one example");
      return wrong(params, layerSizes, X, y, lambda);
    };
    const report = await checkImplementation(inProcessImplementation(twoFailures, "planted"));
    const shown = `[${report.counterexample?.layerSizes}], m = ${report.counterexample?.X.length}: ${report.findings.map((f) => f.problem)}`;
    expect(report.firstFailure!.m, shown).toBeGreaterThan(1);
    expect(
      report.findings.map((f) => f.problem),
      shown,
    ).not.toContain("threw");
    expect(
      report.findings.map((f) => f.problem),
      shown,
    ).toContain("gradient-mismatch");
    expect(report.counterexample!.X.length, shown).toBe(2);
  });

  it("where the weight columns cannot show an error, the hint says so instead of 'bias column only'", async () => {
    const c = diagnosticCases[2];
    const silent = { ...c, X: matrix(c.X.rows, c.X.cols, new Array(c.X.data.length).fill(0)) };
    const verdict = await judgeCase(silent, inProcessImplementation(planted({ dropOddExamples: true }), "planted"));
    const mismatch = verdict.findings.find((f) => f.problem === "gradient-mismatch")!;
    expect(mismatch.message).toMatch(/Θ⁽¹⁾: bias column; its weight columns cannot show an error in this case \(every input is 0\)/);
  });

  it("a counterexample is still small: the catalogue's mistakes shrink to one or two units per layer", async () => {
    const report = await checkImplementation(inProcessImplementation(planted({ noDerivativeIn: [1] }), "planted"));
    expect(report.counterexample!.layerSizes).toEqual([1, 1, 1]);
    expect(report.counterexample!.X.length).toBe(1);
  });
});
