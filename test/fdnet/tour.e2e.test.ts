import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tour } from "../../src/cli/tour.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { thetaIndexConvention } from "../../src/network/thetaEntry.ts";

const caseRow = (name: string) => new RegExp(`^\\s+${name}\\s+\\S`, "m");

/** The `npm start` tour runs the real checker: methods agree, the slide's formula is caught by name. */
describe("the tour", () => {
  it("shows agreement, the slide's formula caught with its entries named, a kink — one summary line per section — then trains on real digits", async () => {
    const lines: string[] = [];
    expect(await tour((l) => lines.push(l))).toBe(0);
    const text = lines.join("\n");
    expect(text).toContain("All three methods agree on every entry of every case");
    expect(text).not.toContain("DIFFER");
    expect(text).toMatch(/FAIL: 38 entries compared, 30 outside tolerance/);
    expect(text).toMatch(/Θ⁽[¹²]⁾\[\d,[1-9]\]\s+-?[\d.]+\s+-?[\d.]+\s+[\d.]+e[-+]\d/);
    expect(text).toContain("|a − n| ≤ min(4·e, 0.01·|n|) + 1e-8·|n| + 1e-11");
    expect(text).toContain("The corrected D = (1/m)Δ + (λ/m)Θ: PASS");
    expect(text).toMatch(/PASS: \d+ entries compared, 0 outside tolerance, [1-9]\d* set aside \([1-9]\d* not differentiable here\)/);
    expect(text).toContain(thetaIndexConvention);
    expect(text).toMatch(/24 cases: worst relative deviation .* from the reference \d\.\de-\d+ \(/);
    expect(text).toMatch(/24 cases, \d+ entries: All three methods agree/);
    // The summary replaces the per-case rows of sections 1 and 2.
    expect(
      referenceCases()
        .filter((c) => caseRow(c.name).test(text))
        .map((c) => c.name),
    ).toEqual([]);
    expect(text).not.toContain("The heatmap of where it is wrong");
    // ends by training on real digits, every check passed
    expect(text).toMatch(/gradient checks passed: 3 of 3\n.*accuracy: \d+\.\d% on the training digits, \d+\.\d% on 2,000 held-out digits/);
  }, 600_000); // the whole tour, training included: generous, the machine may be shared

  it("--verbose lists every case in sections 1 and 2; with a report folder it writes the slide's heatmap page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gradcheck-tour-"));
    try {
      const lines: string[] = [];
      expect(await tour((l) => lines.push(l), { verbose: true, reportDir: dir })).toBe(0);
      const text = lines.join("\n");
      for (const c of referenceCases()) expect(text.match(new RegExp(`^\\s+${c.name}\\s`, "gm")) ?? [], c.name).toHaveLength(2);
      const file = join(dir, "report.html");
      expect(text).toContain(`The heatmap of where it is wrong: ${file}`);
      const html = readFileSync(file, "utf8");
      expect(html).toContain('data-chart="comparison-heatmap-layer1"');
      expect(html).toContain('data-chart="comparison-heatmap-layer2"');
      expect(statSync(file).size).toBeGreaterThan(10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
