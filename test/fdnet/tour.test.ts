import { describe, expect, it } from "vitest";
import { tour } from "../../src/cli/tour.ts";

/** The `npm start` tour runs the real checker: methods agree, the slide's formula is caught by name. */
describe("the tour", () => {
  it("shows agreement, the slide's formula caught with its entries named, and a kink, then trains on real digits", async () => {
    const lines: string[] = [];
    expect(await tour((l) => lines.push(l))).toBe(0);
    const text = lines.join("\n");
    expect(text).toContain("All three methods agree on every entry of every case");
    expect(text).not.toContain("DIFFER");
    expect(text).toMatch(/FAIL: 38 entries compared, 30 outside tolerance/);
    expect(text).toMatch(/Θ⁽[¹²]⁾\[\d,[1-9]\]\s+-?[\d.]+\s+-?[\d.]+\s+[\d.]+e[-+]\d/);
    expect(text).toContain("|a − n| ≤ 4·e + 1e-8·|n| + 1e-11");
    expect(text).toContain("The corrected D = (1/m)Δ + (λ/m)Θ: PASS");
    expect(text).toMatch(/PASS: \d+ entries compared, 0 outside tolerance, [1-9]\d* not differentiable here/);
    // ends by training on real digits, every check passed
    expect(text).toMatch(/gradient checks passed: 3 of 3\n.*accuracy: \d+\.\d% on the training digits, \d+\.\d% on 2,000 held-out digits/);
  }, 600_000); // the whole tour, training included: generous, the machine may be shared
});
