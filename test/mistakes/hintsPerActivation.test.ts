import { describe, expect, it } from "vitest";
import { renderCheckReport } from "../../src/report/renderCheckReport.ts";
import { defaultAssignment } from "../../src/judge/Assignment.ts";
import { checkNnCostFunction } from "../../src/judge/checkNnCostFunction.ts";
import { mistakeHint } from "../../src/mistakes/mistakeInfo.ts";
import { mistakesFor } from "../../src/mistakes/mistakes.ts";

describe("advice that fits the assignment's activation", () => {
  it("the missing derivative's fix names each activation's own derivative", () => {
    expect(mistakeHint("missing-activation-derivative", "relu")).toMatch(/\(z⁽ˡ⁾ > 0\)/);
    expect(mistakeHint("missing-activation-derivative", "tanh")).toMatch(/1 − a⁽ˡ⁾ \.\^ 2/);
    expect(mistakeHint("missing-activation-derivative", "sigmoid")).toMatch(/a⁽ˡ⁾ \.\* \(1 − a⁽ˡ⁾\)/);
    expect(mistakeHint("lambda-not-divided-by-m", "relu")).toMatch(/Divide λ by m/);
  });

  it("a relu network's missing relu' is told to multiply by (z > 0), never by a .* (1 − a)", async () => {
    const relu = { hiddenActivation: "relu", outputActivation: "sigmoid", cost: "cross-entropy" } as const;
    const slip = mistakesFor(relu).get("missing-activation-derivative")!;
    const report = await checkNnCostFunction(slip, { runs: 30, assignment: { ...defaultAssignment, hiddenActivation: "relu" } });
    expect(report.mistakes).toContain("missing-activation-derivative");
    const text = renderCheckReport(report, "replay").join("\n");
    expect(text).toMatch(/fix: .*\(z⁽ˡ⁾ > 0\)/);
    expect(text).not.toMatch(/fix: .*a⁽ˡ⁾ \.\* \(1 − a⁽ˡ⁾\)/);
  });
});
