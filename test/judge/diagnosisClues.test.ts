import { describe, expect, it } from "vitest";
import { checkPlanted, families } from "../helpers/plantedFamilyBugs.ts";
import { plantedKinds } from "../helpers/plantedKinds.ts";

describe("the planted implementation with every slip off", () => {
  it.each(families)("is correct with %s hidden layers and a %s output", async (hidden, output) => {
    // 40 networks: enough to exercise every option's off position in this family
    const report = await checkPlanted({ hidden, output, planted: {} }, 1, 40);
    expect(report.findings).toEqual([]);
    expect(report.passed).toBe(true);
  });
});

const seeds = [1, 2, 3];

describe.each(plantedKinds)("$kind: every planted variant is diagnosed, on several seeds", ({ clue, variants }) => {
  it.each(variants.flatMap((v) => seeds.map((seed) => ({ ...v, seed }))))(`${clue} names $name (seed $seed)`, async (v) => {
    const report = await checkPlanted(v, v.seed);
    expect(report.passed).toBe(false);
    expect(report.mistakes).toEqual([]);
    const found = report.clues.find((c) => c.id === clue);
    expect(found, `clues: ${report.clues.map((c) => `${c.id}: ${c.message}`).join("\n")}`).toBeDefined();
    expect(found!.message).toMatch(v.says);
  });
});
