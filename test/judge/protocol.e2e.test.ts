import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { loadSubmission } from "../../src/sandbox/loadSubmission.ts";
import type { Implementation } from "../../src/sandbox/Implementation.ts";
import { matrix } from "../../src/linalg/Matrix.ts";
import { oneHotRows, type LabelledCase } from "../../src/network/labels.ts";

const fixture = (name: string) => join(new URL("../fixtures/judge/", import.meta.url).pathname, name);

/** The fixture answers in wire form number λ (see its nn.py); a [1,1] network has two parameters, [0,1] one. */
function caseWith(lambda: number, layerSizes = [2, 1]): LabelledCase {
  const c = diagnosticCases[2];
  const K = layerSizes[layerSizes.length - 1],
    n = layerSizes[0];
  return {
    ...c,
    layerSizes,
    lambda,
    labels: [1],
    X: matrix(1, n, new Array(n).fill(0.5)),
    Y: matrix(1, K, oneHotRows([1], K)),
    theta: [matrix(K, n + 1, new Array(K * (n + 1)).fill(0.1))],
  };
}

describe("the process protocol: how non-finite numbers travel", () => {
  let implementation: Implementation;
  beforeAll(async () => {
    const loaded = await loadSubmission(fixture("python-nonfinite"));
    if (!loaded.ok) throw new Error(loaded.message);
    implementation = loaded.implementation;
  });
  afterAll(async () => implementation?.close());

  const forms: Array<[string, number, RegExp]> = [
    ["bare NaN", 0, /J is NaN|grad\[0\] is NaN/],
    ["bare Infinity", 1, /Infinity/],
    ["bare -Infinity", 2, /-Infinity/],
    ['the string "NaN"', 3, /NaN/],
    ['the string "-Infinity"', 4, /-Infinity/],
    ["null (JSON.stringify, jsonencode)", 5, /NaN/],
  ];
  it.each(forms)("%s is a non-finite finding, never a shape error", async (_form, lambda, message) => {
    const verdict = await judgeCase(caseWith(lambda), implementation);
    expect(verdict.findings.map((f) => f.problem)).toEqual(["non-finite"]);
    expect(verdict.findings[0].message).toMatch(message);
  });

  it("a one-element gradient written as a bare number is accepted", async () => {
    const outcome = await implementation.call({ params: [0.1], layerSizes: [0, 1], X: [[]], y: [1], lambda: 6 });
    expect(outcome).toMatchObject({ kind: "result", J: 0.25 });
    expect(Array.from((outcome as { grad: Float64Array }).grad)).toEqual([0.5]);
  });
});

describe("never-answered", () => {
  it("a program that never flushes stdout is never-answered at once, exit 2, asking whether stdout is flushed", async () => {
    // Never answered costs the start-up allowance plus one call limit, once: small ones show it.
    const report = await checkSubmission(fixture("python-silent"), { callTimeoutMs: 1500, startTimeoutMs: 2000 });
    expect(report).toMatchObject({ passed: false, stage: "load", problem: "never-answered", runs: 0 });
    expect(report.message).toMatch(/no answer to the first request[\s\S]*is stdout flushed/);
  });

  it("a program silent on the first case but answering its first example alone is not never-answered: the timeout is judged like any failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gradcheck-slow-on-batches-"));
    try {
      copyFileSync(new URL("../../examples/correct/nnCostFunction.mjs", import.meta.url), join(dir, "correct.mjs"));
      writeFileSync(
        join(dir, "nnCostFunction.mjs"),
        `import { nnCostFunction as correct } from "./correct.mjs";
export function nnCostFunction(params, layerSizes, X, ...rest) { if (X.length > 1) for (;;); return correct(params, layerSizes, X, ...rest); }\n`,
      );
      // Small limits: every call on more than one example waits one out, and the deadline bounds them.
      const report = await checkSubmission(dir, { callTimeoutMs: 1000, runs: 3, deadlineMs: 15_000 });
      expect(report.passed).toBe(false);
      expect(report.problem).not.toBe("never-answered");
      expect(report.findings.map((f) => f.problem)).toContain("timeout");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe("a Python cost that clips the log to [1e-4, 1 − 1e-4]", () => {
  it("fails with default settings, and the clue names the clip value", async () => {
    const report = await checkSubmission(fixture("python-clipped"));
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.problem)).toContain("cost-mismatch");
    expect(report.clues.find((c) => c.id === "clipped-log")?.value).toBe(1e-4);
  });
});
