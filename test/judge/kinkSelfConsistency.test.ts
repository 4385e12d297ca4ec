import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { defaultSeed } from "../../src/judge/checkImplementation.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { ownCostVerdict } from "../../src/judge/ownCostVerdict.ts";
import { selfConsistency } from "../../src/judge/caseTolerances.ts";
import { requestOf } from "../../src/judge/requestOf.ts";
import { submissionCaseArbitrary } from "../../src/judge/submissionCaseArbitrary.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { courseStyles, type Slope } from "../helpers/courseStyles.ts";

const [loop, dlai, cs231n] = Object.values(courseStyles);
const family = { hidden: "relu", output: "softmax", cost: "cross-entropy" } as const;

/**
 * Example 1 puts hidden units 1 and 2 exactly at z = 0 (zero input, zero biases) and unit 3
 * above it; example 2 has unit 1 above 0 and units 2 and 3 below, so relu' shows in the rows of
 * Θ⁽¹⁾ that the kink-free line still moves (unit 3's).
 */
const kink: LabelledCase = {
  name: "kink-[2,3,2]",
  layerSizes: [2, 3, 2],
  hiddenActivation: "relu",
  outputActivation: "softmax",
  cost: "cross-entropy",
  lambda: 1,
  X: fromRows([
    [0, 0],
    [1, -0.5],
  ]),
  Y: fromRows([
    [1, 0],
    [0, 1],
  ]),
  labels: [0, 1],
  theta: [
    fromRows([
      [0, 0.3, -0.4],
      [0, -0.6, 0.2],
      [0.5, -0.9, 0.4],
    ]),
    fromRows([
      [0.1, 0.7, -0.3, 0.6],
      [-0.2, 0.4, 0.9, -0.5],
    ]),
  ],
};

async function verdictOf(c: LabelledCase, fn: NnCostFunction) {
  const implementation = inProcessImplementation(fn, "relu");
  const answer = await implementation.call(requestOf(c));
  if (answer.kind !== "result") throw new Error(answer.message);
  return ownCostVerdict(c, answer, implementation, selfConsistency);
}

describe("(b) at a relu kink: a verdict along a kink-free line, the same for every relu'(0) in [0, 1]", () => {
  it.each([
    ["z < 0 ? 0 : 1, relu'(0) = 1", loop(family)],
    ["dZ[Z <= 0] = 0, relu'(0) = 0", dlai(family)],
    ["heaviside(z, ½), relu'(0) = ½", cs231n(family)],
  ])("%s agrees with its own J", async (_name, fn) => {
    const verdict = await verdictOf(kink, fn);
    expect(verdict).toEqual({ decided: true, probe: "kink-free" });
  });

  const planted: Record<string, Slope> = {
    "relu' missing (1 everywhere)": () => 1,
    "relu' inverted (z < 0 ? 1 : 0)": (z) => (z < 0 ? 1 : 0),
    "relu' written as relu itself (a)": (_z, a) => a,
  };
  it.each(Object.entries(planted))("meta: %s is self-inconsistent", async (_name, slope) => {
    const verdict = await verdictOf(kink, loop(family, slope));
    expect(verdict.probe).toBe("kink-free");
    expect(verdict.finding?.problem).toBe("self-inconsistent");
    expect(verdict.finding?.message).toContain("along a unit direction v clear of relu kinks");
  });

  it("relu'(0) = 2 changes only entries a kink reaches: (b) is blind there by design, (a) fails it", async () => {
    const fn = loop(family, (z) => (z > 0 ? 1 : z === 0 ? 2 : 0));
    expect(await verdictOf(kink, fn)).toEqual({ decided: true, probe: "kink-free" });
    const judged = await judgeCase(kink, inProcessImplementation(fn, "relu'(0) = 2"), { allowUnstableCost: true });
    expect(judged.findings.map((f) => [f.problem, f.check])).toEqual([["gradient-mismatch", "a"]]);
  });
});

describe("(b) on generated relu cases whose random direction crossed a kink", () => {
  const parsed = parseAssignment({ hiddenActivation: "relu", output: "softmax-cross-entropy" });
  if (!parsed.ok) throw new Error(parsed.error);
  const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false, assignment: parsed.assignment }), {
    seed: defaultSeed,
    numRuns: 160,
  });
  async function kinkFreeVerdicts(fn: NnCostFunction) {
    const verdicts = [];
    for (const c of cases) {
      const implementation = inProcessImplementation(fn, "relu");
      const answer = await implementation.call(requestOf(c));
      if (answer.kind !== "result" || !Number.isFinite(answer.J)) continue;
      const verdict = await ownCostVerdict(c, answer, implementation, selfConsistency);
      if (verdict.probe === "kink-free") verdicts.push(verdict);
    }
    return verdicts;
  }
  it("correct code written with relu'(0) = 1 passes every one", async () => {
    const verdicts = await kinkFreeVerdicts(loop(family));
    expect(verdicts.length).toBeGreaterThan(8);
    expect(verdicts.filter((v) => v.finding).map((v) => v.finding!.message)).toEqual([]);
  }, 120_000);
  it("meta: a missing relu' is found on nearly every one", async () => {
    const verdicts = await kinkFreeVerdicts(loop(family, () => 1));
    const found = verdicts.filter((v) => v.finding?.problem === "self-inconsistent").length;
    expect(verdicts.length).toBeGreaterThan(8);
    expect(found / verdicts.length).toBeGreaterThan(0.8);
  }, 120_000);
});
