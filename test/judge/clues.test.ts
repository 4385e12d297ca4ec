import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import type { ClueId } from "../../src/judge/clues/Clue.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import { planted, type Planted } from "../helpers/plantedBugs.ts";

/** Each clue, raised by at least two different planted bugs outside the catalogue; the number it must print. */
const raising: Array<[ClueId, string, Planted, RegExp]> = [
  ["scale-factor", "J and ∇J averaged over K too", { scale: (K) => 1 / K }, /c = 1\/K = 0\.5 \(K = 2[\s\S]*averaged over the K outputs/],
  ["scale-factor", "J and ∇J halved", { scale: () => 0.5 }, /c = 0\.5$/],
  ["gradient-layout", "D unrolled column-major", { layout: "column-major" }, /column-major/],
  ["gradient-layout", "bias column last", { layout: "bias-last" }, /bias column last/],
  ["single-precision", "answers rounded to float32", { float32: "answer" }, /median relative error \d\.\de-8/],
  ["single-precision", "float32 arithmetic throughout", { float32: "arithmetic" }, /median relative error \d\.\de-(7|8)/],
  [
    "clipped-log",
    "h clipped to [1e-4, 1 − 1e-4]",
    { clip: 1e-4 },
    /ε = 1\.00e-4: an output within ε of 0 or 1 contributes −log ε = 9\.2103/,
  ],
  ["clipped-log", "h clipped to [1e-10, 1 − 1e-10]", { clip: 1e-10 }, /ε = 1\.00e-10/],
  ["confined-errors", "no g′ in the first hidden layer only", { noDerivativeIn: [1] }, /only in Θ⁽¹⁾/],
  ["confined-errors", "regulariser starting at column 2", { regularizeFrom: 2 }, /only in column j = 1/],
  ["confined-errors", "Θ⁽¹⁾'s bias column regularised", { regularizeBiasOfLayer: 0 }, /only in the bias columns/],
  [
    "near-match",
    "no g′ in the first hidden layer only",
    { noDerivativeIn: [1] },
    /missing-activation-derivative reproduces the counterexample .* there only Θ⁽¹⁾ is wrong/,
  ],
  ["near-match", "Θ⁽¹⁾'s bias column regularised", { regularizeBiasOfLayer: 0 }, /regularized-bias reproduces the counterexample/],
  [
    "cost-wrong-backprop-consistent",
    "labels smoothed to 0.9/0.1",
    { smoothLabels: true },
    /your cost is wrong, your backprop is right for it/,
  ],
  [
    "cost-wrong-backprop-consistent",
    "regulariser (λ/m)ΣΘ², differentiated consistently",
    { doubleRegularizer: true },
    /your cost is wrong/,
  ],
  ["cost-right-backprop-wrong", "tanh′ used for sigmoid", { tanhDerivative: true }, /your cost is right, your backprop is wrong for it/],
  ["cost-right-backprop-wrong", "g′ at z recomputed without the bias", { zWithoutBias: true }, /your cost is right/],
];

describe("clues when no catalogued mistake fits", () => {
  it.each(raising)("%s is raised by: %s", async (id, _bug, p, message) => {
    const report = await checkImplementation(inProcessImplementation(planted(p), "planted"));
    expect(report.passed).toBe(false);
    expect(report.mistakes).toEqual([]);
    const clue = report.clues.find((c) => c.id === id);
    expect(clue, `clues: ${report.clues.map((c) => c.id).join(", ")}`).toBeDefined();
    expect(clue!.message).toMatch(message);
  });

  // Seeds 2 and 5 shrink to a case where only an output near the right end is clipped (J too high by ≈ ε).
  it.each([1, 2, 3, 4, 5])("the clipped log names its clip value as a number, whichever end it clips (seed %i)", async (seed) => {
    const report = await checkImplementation(inProcessImplementation(planted({ clip: 1e-4 }), "planted"), { seed });
    expect(report.clues.find((c) => c.id === "clipped-log")?.value).toBe(1e-4);
  });
});
