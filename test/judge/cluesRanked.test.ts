import { describe, expect, it } from "vitest";
import { renderCheckReport } from "../../src/report/renderCheckReport.ts";
import { checkPlanted, type FamilyPlanted } from "../helpers/plantedFamilyBugs.ts";

const lecture = { hidden: "sigmoid", output: "sigmoid-cross-entropy" } as const;

/** J or ∇J wrong alone: the report leads with the half that is right, then how the other differs. */
const apart: Array<[string, FamilyPlanted, "only-cost-wrong" | "only-gradient-wrong", RegExp]> = [
  ["a constant added to J", { costOffset: 1e-3 }, "only-cost-wrong", /by the same constant, \+1\.00e-3, on every network/],
  [
    "ε inside the log",
    { logEpsilon: 1e-6 },
    "only-cost-wrong",
    /J is too small by [\s\S]*the same at λ = 0 as at λ = [\d.]+: the data term/,
  ],
  [
    "J's regulariser over Θ⁽¹⁾ only",
    { regularizeInJ: (l) => l === 0 },
    "only-cost-wrong",
    /only where λ > 0 \(right at λ = 0 on the same networks\), so the slip is in the regulariser: J lacks the \(λ\/2m\)ΣΘ² of every layer past the first/,
  ],
  [
    "J's λ/m for λ/2m",
    { regularizerFactors: { J: 2, gradient: 1 } },
    "only-cost-wrong",
    /J − J_exact = 1\.00 × \(λ\/2m\)ΣΘ² on every network/,
  ],
  ["a broadcast at K = 1", { broadcastK1: "m" }, "only-cost-wrong", /only where K = 1 \(right on every network with K ≥ 2\)/],
  [
    "∇J's regulariser over Θ⁽¹⁾ only",
    { regularizeInGradient: (l) => l === 0 },
    "only-gradient-wrong",
    /the wrong entries are in every layer past the first[\s\S]*only where λ > 0/,
  ],
  [
    "Δ divided by m²",
    { deltaDivisor: (m) => m * m },
    "only-gradient-wrong",
    /right on the same network with one example \(m = 1\), wrong with m = \d+/,
  ],
];

describe("J and ∇J diagnosed apart", () => {
  it.each(apart)("%s: the report leads with the right half, then how the other differs", async (_name, planted, lead, how) => {
    const report = await checkPlanted({ ...lecture, planted }, 1);
    expect(report.mistakes).toEqual([]);
    expect(report.clues[0]?.id, report.clues.map((c) => c.message).join("\n")).toBe(lead);
    expect(report.clues[0].message).toMatch(how);
    // a gradient that is exactly right is never told it is "right for a wrong J"
    if (lead === "only-cost-wrong") expect(report.clues.map((c) => c.id)).not.toContain("cost-wrong-backprop-consistent");
  });

  it("says nothing of halves where both are wrong", async () => {
    const report = await checkPlanted({ ...lecture, planted: { flipDataTerm: "both" } }, 1);
    expect(report.clues.map((c) => c.id)).not.toContain("only-cost-wrong");
    expect(report.clues.map((c) => c.id)).not.toContain("only-gradient-wrong");
  });
});

describe("several clues ranked by how much of the error each explains", () => {
  // ε in the log moves J only, the cap ∇J only: each clue explains its own half of the error
  it.each([1, 2, 3])("ε in the log and a capped ∇J at once (seed %i)", async (seed) => {
    const report = await checkPlanted({ ...lecture, planted: { logEpsilon: 1e-3, clipGradient: 0.02 } }, seed);
    const ranked = report.clues.filter((c) => c.explains !== undefined);
    expect(ranked.map((c) => c.id).sort()).toEqual(["clipped-gradient", "log-epsilon"]);
    expect(ranked[0].explains!).toBeGreaterThanOrEqual(ranked[1].explains!);
    expect(ranked[0].explains! + ranked[1].explains!).toBeCloseTo(1, 6);
    const text = renderCheckReport(report, "replay").join("\n");
    expect(text).toMatch(/maybe several mistakes\), ordered by how much of the error each explains:/);
    expect(text).toMatch(
      /clipped-gradient — ∇J capped at a constant \(explains [\d.]+% of the error\)[\s\S]*log-epsilon — An ε inside the log \(explains [\d.]+% of the error\)/,
    );
  });

  it("a clue that explains the whole error is not taken for several mistakes", async () => {
    const report = await checkPlanted({ ...lecture, planted: { regularizeInJ: (l) => l < 2, regularizeInGradient: (l) => l < 2 } }, 1);
    expect(report.clues.find((c) => c.id === "regularizer-layers")?.explains).toBeCloseTo(1, 9);
    expect(renderCheckReport(report, "replay").join("\n")).not.toMatch(/maybe several mistakes/);
  });
});
