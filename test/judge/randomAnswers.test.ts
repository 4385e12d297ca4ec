import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { gatherEvidence } from "../../src/judge/clues/Evidence.ts";
import { randomAnswers } from "../../src/judge/clues/randomAnswers.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import { planted } from "../helpers/plantedBugs.ts";
import { plantedInFamily } from "../helpers/plantedFamilyBugs.ts";

async function read(fn: NnCostFunction) {
  const implementation = inProcessImplementation(fn, "planted");
  const c = diagnosticCases[0];
  const evidence = await gatherEvidence(implementation, c, await judgeCase(c, implementation), diagnosticCases.slice(1));
  return randomAnswers(evidence!);
}

describe("randomness left in the cost, told apart from state kept between calls", () => {
  it("fires on dropout: answers scattered without a trend", async () => {
    expect((await read(plantedInFamily({ dropout: 0.5 })))?.message).toMatch(/no steady trend[\s\S]*dropout/);
  });

  it("stays silent on a Δ kept across calls (each identical call moves the answer by the same step)", async () => {
    expect(await read(planted({ globalDelta: true }))).toBeUndefined();
    const report = await checkImplementation(inProcessImplementation(planted({ globalDelta: true }), "planted"));
    expect(report.clues.map((c) => c.id)).not.toContain("random-answers");
  });

  it("stays silent on deterministic answers, right or wrong", async () => {
    expect(await read(plantedInFamily({}))).toBeUndefined();
    expect(await read(plantedInFamily({ logEpsilon: 1e-3 }))).toBeUndefined();
  });
});
