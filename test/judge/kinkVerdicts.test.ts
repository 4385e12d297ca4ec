import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outputOf, parseAssignment, type Assignment, type OutputFamily } from "../../src/judge/Assignment.ts";
import { defaultSeed } from "../../src/judge/checkImplementation.ts";
import { encodedImplementation } from "../../src/judge/encodedImplementation.ts";
import { ownCostVerdict } from "../../src/judge/ownCostVerdict.ts";
import { selfConsistency } from "../../src/judge/caseTolerances.ts";
import { requestOf } from "../../src/judge/requestOf.ts";
import { submissionCaseArbitrary } from "../../src/judge/submissionCaseArbitrary.ts";
import { nnCostFunctionWith } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

// Check (b) once said nothing on every relu case whose random direction crossed a kink: about
// 3 in 10. Along the kink-free probe it judges nearly all of them, and correct code still passes.
const seeds = [defaultSeed, 1, 777];
const runs = 60;
const outputs: readonly OutputFamily[] = ["softmax-cross-entropy", "sigmoid-cross-entropy"];

function reluWith(output: OutputFamily): Assignment {
  const parsed = parseAssignment({ hiddenActivation: "relu", output });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
}

/** How many of the cases (b) left without a verdict along the random direction alone, and in all. */
async function undecidedShare(output: OutputFamily, seed: number) {
  const assignment = reluWith(output);
  const family = { hiddenActivation: assignment.hiddenActivation, ...outputOf(assignment.output) };
  const implementation = encodedImplementation(inProcessImplementation(nnCostFunctionWith({}, family), "slip-free"), assignment);
  const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false, assignment }), { seed, numRuns: runs });
  let randomOnly = 0,
    after = 0;
  const findings: string[] = [];
  for (const c of cases) {
    const answer = await implementation.call(requestOf(c));
    if (answer.kind !== "result" || !Number.isFinite(answer.J)) continue;
    const verdict = await ownCostVerdict(c, answer, implementation, selfConsistency);
    if (verdict.finding) findings.push(`${c.name}: ${verdict.finding.message}`);
    if (verdict.probe === "kink-free" || !verdict.decided) randomOnly++;
    if (!verdict.decided) after++;
  }
  return { randomOnly: randomOnly / cases.length, after: after / cases.length, findings };
}

describe("(b) on relu cases: a verdict where the random direction crosses a kink, and no false alarm", () => {
  for (const output of outputs)
    it(`${output}, seeds ${seeds.join(", ")}`, async () => {
      const shares: Awaited<ReturnType<typeof undecidedShare>>[] = [];
      for (const seed of seeds) {
        const share = await undecidedShare(output, seed);
        expect(share.findings).toEqual([]);
        shares.push(share);
      }
      const mean = (k: "randomOnly" | "after") => shares.reduce((s, x) => s + x[k], 0) / shares.length;
      console.info(
        `${output}: (b) without a verdict on ${(100 * mean("randomOnly")).toFixed(1)}% of relu cases along the random direction alone, ${(100 * mean("after")).toFixed(1)}% with the kink-free probe`,
      );
      expect(mean("randomOnly")).toBeGreaterThan(0.1);
      expect(mean("after")).toBeLessThan(mean("randomOnly") / 3);
    }, 300_000);
});
