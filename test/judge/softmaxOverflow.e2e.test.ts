import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { hiddenActivations, outputOf, parseAssignment, type Assignment } from "../../src/judge/Assignment.ts";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { submissionCaseArbitrary } from "../../src/judge/submissionCaseArbitrary.ts";
import { nnCostFunctionWith } from "../../src/mistakes/index.ts";
import { forward } from "../../src/network/forward.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

const seed = 20240601;
const softmax = (hiddenActivation: string): Assignment => {
  const parsed = parseAssignment({ hiddenActivation, output: "softmax-cross-entropy" });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
};

describe("softmax cases reach the regime where e^z overflows", () => {
  it("one network in seven is drawn to overflow; output pre-activations pass 709 on many, and gradcheck's J stays finite on every one", () => {
    for (const hidden of hiddenActivations) {
      const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false, assignment: softmax(hidden) }), { seed, numRuns: 700 });
      let drawn = 0,
        overflowing = 0;
      for (const c of cases) {
        const zL = forward(c, c.theta, c.X).z[c.layerSizes.length - 1].data;
        if (c.name.endsWith("-overflow")) drawn++;
        if (zL.some((z) => z > 709)) overflowing++;
        expect(Number.isFinite(batchBackprop(c, c.theta).J), c.name).toBe(true);
      }
      expect(drawn, hidden).toBeGreaterThan(70);
      // relu units that are all off in some examples keep their z ordinary
      expect(overflowing, hidden).toBeGreaterThan(hidden === "relu" ? 25 : 70);
    }
  });
  it("other families draw no overflow regime", () => {
    const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false }), { seed, numRuns: 300 });
    expect(cases.some((c) => c.name.endsWith("-overflow"))).toBe(false);
  });
});

describe("meta: a softmax without the max-shift is caught and named; with it, nothing is", () => {
  for (const hidden of hiddenActivations) {
    const assignment = softmax(hidden);
    const family = { hiddenActivation: assignment.hiddenActivation, ...outputOf(assignment.output) };
    it(`${hidden} hidden layers: planted, it fails on an overflowing case, shrunk, as softmax-without-max-shift`, async () => {
      const planted = inProcessImplementation(nnCostFunctionWith({ naiveSoftmax: true }, family), "naive softmax");
      const report = await checkImplementation(planted, { seed, assignment });
      expect(report.passed).toBe(false);
      expect(report.findings.map((f) => f.problem)).toContain("non-finite");
      expect(report.mistakes).toEqual(["softmax-without-max-shift"]);
      expect(report.counterexample?.name).toMatch(/-overflow$/);
      expect(report.counterexample!.layerSizes.length).toBeLessThanOrEqual(3);
    });
    it(`${hidden} hidden layers: the slip-free function passes on the same seed, in the overflow regime alone too`, async () => {
      const right = inProcessImplementation(nnCostFunctionWith({}, family), "softmax with the max-shift");
      const overflowOnly = submissionCaseArbitrary({ shrinkValues: false, assignment, regimes: ["overflow"] });
      const alone = await checkImplementation(right, { seed, assignment, cases: overflowOnly });
      expect(alone.passed, JSON.stringify(alone.findings)).toBe(true);
      const report = await checkImplementation(right, { seed, assignment });
      expect(report.passed, JSON.stringify(report.findings)).toBe(true);
    });
  }
});

// The family's example, written independently of the catalogue, with its max-shift taken out.
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-softmax-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("an independently written softmax module, in the sandbox", () => {
  const example = new URL("../../examples/families/softmax-relu/nnCostFunction.mjs", import.meta.url).pathname;
  it("without its max-shift: fails, named softmax-without-max-shift; with it: passes on the same seed", async () => {
    const source = readFileSync(example, "utf8");
    const naive = source.replaceAll("const max = Math.max(...z)", "const max = 0");
    expect(naive).not.toBe(source);
    writeFileSync(join(scratch, "nnCostFunction.mjs"), naive);
    const assignment = softmax("relu");
    const planted = await checkSubmission(scratch, { seed, runs: 100, assignment });
    expect(planted.passed).toBe(false);
    expect(planted.mistakes).toEqual(["softmax-without-max-shift"]);
    const right = await checkSubmission(example, { seed, runs: 100, assignment });
    expect(right.passed, JSON.stringify(right.findings)).toBe(true);
  }, 300_000);
});
