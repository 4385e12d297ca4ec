import { describe, expect, it } from "vitest";
import { renderCheckReport } from "../../src/report/renderCheckReport.ts";
import { defaultAssignment, type Assignment } from "../../src/judge/Assignment.ts";
import { checkNnCostFunction } from "../../src/judge/checkNnCostFunction.ts";
import type { Family } from "../../src/mistakes/Family.ts";
import { mistakesFor } from "../../src/mistakes/mistakes.ts";

/**
 * (b) is trustworthy or silent: wherever (a) finds the gradient wrong while J is right, (b)
 * on the same counterexample either finds it too or says "not decided" — never "passed".
 */
const families: readonly (readonly [string, Family, Partial<Assignment>])[] = [
  [
    "relu hidden, sigmoid output",
    { hiddenActivation: "relu", outputActivation: "sigmoid", cost: "cross-entropy" },
    { hiddenActivation: "relu" },
  ],
  [
    "relu hidden, softmax output",
    { hiddenActivation: "relu", outputActivation: "softmax", cost: "cross-entropy" },
    { hiddenActivation: "relu", output: "softmax-cross-entropy", classes: { min: 2, max: 4 } },
  ],
  [
    "sigmoid, softmax output",
    { hiddenActivation: "sigmoid", outputActivation: "softmax", cost: "cross-entropy" },
    { output: "softmax-cross-entropy", classes: { min: 2, max: 4 } },
  ],
];

describe("(b) on the counterexample: finds what (a) finds, or is not decided", () => {
  for (const [title, family, stated] of families) {
    it(title, async () => {
      const assignment = { ...defaultAssignment, ...stated };
      const seen: string[] = [];
      for (const [id, fn] of mistakesFor(family)) {
        const report = await checkNnCostFunction(fn, { runs: 40, assignment });
        const gradientOnly =
          report.findings.some((f) => f.problem === "gradient-mismatch") && !report.findings.some((f) => f.problem === "cost-mismatch");
        if (!gradientOnly) continue;
        seen.push(id);
        const text = renderCheckReport(report, "replay").join("\n");
        expect(report.checks.selfConsistent, `${id}: ${text}`).not.toBe(true);
        expect(text).not.toMatch(/\(b\) gradient vs finite differences of its own J \.+ passed/);
        if (report.checks.selfConsistent === null)
          expect(text).toMatch(/\(b\) gradient vs finite differences of its own J \.+ not decided \(/);
      }
      expect(seen.length, "planted backprop bugs that (a) finds on the gradient alone").toBeGreaterThan(0);
    });
  }
});
