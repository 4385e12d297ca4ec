import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { submissionCaseArbitrary } from "../../src/judge/submissionCaseArbitrary.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { findClues } from "../../src/judge/findClues.ts";
import { gradientMethods } from "../../src/methods.ts";
import { fromRows, matrix } from "../../src/linalg/Matrix.ts";
import { unroll } from "../../src/network/theta.ts";
import { thetaShapes } from "../../src/network/theta.ts";
import { oneHotRows } from "../../src/network/labels.ts";
import { forward } from "../../src/network/forward.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";
import type { Implementation } from "../../src/sandbox/Implementation.ts";
import { loadSubmission } from "../../src/sandbox/loadSubmission.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

// examples/correct is plain JavaScript, trusted here and called in this process.
const exampleModule = new URL("../../examples/correct/nnCostFunction.mjs", import.meta.url).href;
const { nnCostFunction: exampleCorrect } = (await import(exampleModule)) as { nnCostFunction: NnCostFunction };

const pythonCorrect = new URL("../../examples/python-correct", import.meta.url).pathname;
const python = systemFile("python3", "/usr/bin/python3");

/** One of gradcheck's own methods, behind the submission signature. */
function asSubmission(method: "backprop" | "loop" | "tape"): NnCostFunction {
  return (params, layerSizes, X, y, lambda) => {
    const K = layerSizes[layerSizes.length - 1];
    let at = 0;
    const theta = thetaShapes(layerSizes).map(([r, c]) => matrix(r, c, Array.from(params.subarray(at, (at += r * c)))));
    const c = {
      layerSizes,
      hiddenActivation: "sigmoid",
      outputActivation: "sigmoid",
      cost: "cross-entropy",
      lambda,
      X: fromRows(X),
      Y: matrix(X.length, K, oneHotRows(y, K)),
    } as const;
    const r = gradientMethods[method](c, theta);
    return { J: r.J, grad: unroll(r.grad) };
  };
}

const correct: Array<[string, NnCostFunction]> = [
  ["batch backprop", asSubmission("backprop")],
  ["per-example loop", asSubmission("loop")],
  ["autodiff tape", asSubmission("tape")],
  ["examples/correct", exampleCorrect],
];

describe("correct code: no failure, no clue", () => {
  it("the generated networks include saturated ones (some |z| ≥ 40 in at least 20%), widths to 12 and m to 64", () => {
    const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false }), { seed: 20240601, numRuns: 1000 });
    const saturated = cases.filter((c) =>
      forward(c, c.theta, c.X)
        .z.slice(1)
        .some((Z) => Z.data.some((v) => Math.abs(v) >= 40)),
    ).length;
    expect(saturated / cases.length).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...cases.flatMap((c) => c.layerSizes))).toBe(12);
    expect(Math.max(...cases.map((c) => c.X.rows))).toBe(64);
  });

  it.each(correct)(
    "%s passes check on 1,000 networks",
    async (_name, fn) => {
      const report = await checkImplementation(inProcessImplementation(fn, "correct"), { runs: 1000, seed: 1 });
      expect(report.findings).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.runs).toBe(1000);
    },
    900_000,
  );

  // One long-lived process answers every request; ≈ 14 calls a network, all but one for (b)'s
  // finite differences of its own J.
  itWith(python)(
    "examples/python-correct, through its process, passes check on 1,000 networks",
    async () => {
      const report = await checkSubmission(pythonCorrect, { runs: 1000, seed: 3 });
      expect(report.findings).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.runs).toBe(1000);
    },
    900_000,
  );

  it.each(correct)(
    "no clue reader fires on the answers of %s (1,000 networks)",
    async (_name, fn) => {
      expect(await cluesOnCorrectCode(inProcessImplementation(fn, "correct"))).toEqual([]);
    },
    900_000,
  );

  itWith(python)(
    "no clue reader fires on the answers of examples/python-correct, through its process (1,000 networks)",
    async () => {
      const loaded = await loadSubmission(pythonCorrect, {});
      if (!loaded.ok) throw new Error(loaded.message);
      try {
        expect(await cluesOnCorrectCode(loaded.implementation)).toEqual([]);
      } finally {
        await loaded.implementation.close();
      }
    },
    900_000,
  );
});

/** Every clue any reader finds on 1,000 generated networks, each judged first (a clue reads a verdict). */
async function cluesOnCorrectCode(implementation: Implementation): Promise<string[]> {
  const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false }), { seed: 2, numRuns: 1000 });
  const fired: string[] = [];
  for (const c of cases) {
    const verdict = await judgeCase(c, implementation);
    if (!verdict.ok) fired.push(`${c.name}: not even a pass: ${verdict.findings.map((f) => f.message).join("; ")}`);
    const clues = await findClues(implementation, c, verdict);
    fired.push(...clues.map((clue) => `${c.name}: ${clue.id}: ${clue.message}`));
  }
  return fired;
}
