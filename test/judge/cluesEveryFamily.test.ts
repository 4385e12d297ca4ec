import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultAssignment, outputOf } from "../../src/judge/Assignment.ts";
import { diagnosticCasesFor } from "../../src/judge/diagnose.ts";
import { findClues } from "../../src/judge/findClues.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { submissionCaseArbitrary } from "../../src/judge/submissionCaseArbitrary.ts";
import { nnCostFunctionWith } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import { families } from "../helpers/plantedFamilyBugs.ts";

/** Networks per family: 1,000 across the twelve families beyond the lecture's own 1,000 (correctCode.test.ts). */
const networks = 84;

describe("correct code in every family: no clue reader fires", () => {
  it.each(families)("%s hidden layers, %s output", async (hidden, output) => {
    const assignment = { ...defaultAssignment, hiddenActivation: hidden, output };
    const implementation = inProcessImplementation(nnCostFunctionWith({}, { hiddenActivation: hidden, ...outputOf(output) }), "correct");
    const cases = fc.sample(submissionCaseArbitrary({ shrinkValues: false, assignment }), { seed: 4, numRuns: networks });
    const diagnostic = diagnosticCasesFor(assignment);
    const fired: string[] = [];
    for (const c of cases) {
      const verdict = await judgeCase(c, implementation);
      const clues = await findClues(implementation, c, verdict, diagnostic);
      fired.push(...clues.map((clue) => `${c.name}: ${clue.id}: ${clue.message}`));
    }
    expect(fired).toEqual([]);
  });
});
