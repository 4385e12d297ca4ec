import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { outputOf, parseAssignment, type Assignment } from "../../src/judge/Assignment.ts";
import { findingInfo } from "../../src/outcome/index.ts";
import { nnCostFunctionWith, type NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";

/** Δ kept between calls and never reset (a module-level or persistent array), on a correct implementation. */
function keepsDelta(correct: NnCostFunction): NnCostFunction {
  let Delta: Float64Array | undefined;
  return async (...a) => {
    const r = await correct(...a);
    if (!Delta || Delta.length !== r.grad.length) Delta = new Float64Array(r.grad.length);
    for (let q = 0; q < Delta.length; q++) Delta[q] += r.grad[q];
    return { J: r.J, grad: Delta.slice() };
  };
}

function assignment(fields: Record<string, unknown>): Assignment {
  const parsed = parseAssignment(fields);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
}

// Every profile and family check knows, with and without single precision: none lets state through.
const paths: readonly [string, Record<string, unknown>, { precision?: "float32" }][] = [
  ["the documented default", {}, {}],
  ["the ex4 profile", { profile: "ex4" }, {}],
  ["softmax-relu", { hiddenActivation: "relu", output: "softmax-cross-entropy", classes: "2..4" }, {}],
  ["tanh with the squared error", { hiddenActivation: "tanh", output: "sigmoid-squared-error" }, {}],
  ["single precision", {}, { precision: "float32" }],
];

describe("state kept between calls is not-reproducible on every path of check", () => {
  it.each(paths)("%s", async (_, fields, options) => {
    const a = assignment(fields);
    const correct = nnCostFunctionWith({}, { hiddenActivation: a.hiddenActivation, ...outputOf(a.output) });
    const passing = await checkImplementation(inProcessImplementation(correct, "correct"), { assignment: a, runs: 20, ...options });
    expect(passing.passed, JSON.stringify(passing.findings)).toBe(true);
    const report = await checkImplementation(inProcessImplementation(keepsDelta(correct), "keeps Δ"), {
      assignment: a,
      runs: 20,
      ...options,
    });
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.problem)).toEqual(["not-reproducible"]);
    expect(report.findings[0].answers).toHaveLength(2);
  });

  it("the hint names module-level and persistent variables and a Δ not reset", () => {
    expect(findingInfo["not-reproducible"].hint).toMatch(/module-level/);
    expect(findingInfo["not-reproducible"].hint).toMatch(/persistent/);
    expect(findingInfo["not-reproducible"].hint).toMatch(/Δ that is not reset/);
  });
});
