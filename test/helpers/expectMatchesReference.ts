import { readdirSync } from "node:fs";
import { expect } from "vitest";
import { referenceDir } from "../../src/cli/builtinCases.ts";
import { thetaEntryName } from "../../src/network/thetaEntry.ts";
import type { CostAndGradient } from "../../src/network/Network.ts";

/** J and every gradient entry within rtol·max(1, |expected|), each failure naming Θ⁽ˡ⁾[i][j]. */
export function expectMatchesReference(actual: CostAndGradient, expected: CostAndGradient, rtol: number): void {
  const tol = (e: number) => rtol * Math.max(1, Math.abs(e));
  expect(Math.abs(actual.J - expected.J), `J: got ${actual.J}, expected ${expected.J}`).toBeLessThanOrEqual(tol(expected.J));
  expected.grad.forEach((E, l) => {
    expect([actual.grad[l].rows, actual.grad[l].cols]).toEqual([E.rows, E.cols]);
    E.data.forEach((e, q) => {
      const a = actual.grad[l].data[q];
      const where = `${thetaEntryName({ layer: l, row: Math.floor(q / E.cols), column: q % E.cols })}: got ${a}, expected ${e}`;
      expect(Math.abs(a - e), where).toBeLessThanOrEqual(tol(e));
    });
  });
}

/** The describe/it title of a reference case: enough to see what kind of network failed. */
export function caseTitle(c: {
  name: string;
  layerSizes: readonly number[];
  hiddenActivation: string;
  outputActivation: string;
  cost: string;
  lambda: number;
  X: { rows: number };
}): string {
  return `${c.name} [${c.layerSizes}] ${c.hiddenActivation}/${c.outputActivation} ${c.cost} λ=${c.lambda} m=${c.X.rows}`;
}

/** Every reference file was read (none skipped, none without its expected values): the count comes from the folder, not a constant. */
export function expectAllReferenceCases(cases: readonly { name: string; expected?: unknown }[]): void {
  const files = readdirSync(referenceDir).filter((f) => f.endsWith(".json"));
  expect(files.length).toBeGreaterThan(0);
  expect(cases.map((c) => c.name).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")).sort());
  expect(cases.filter((c) => c.expected === undefined).map((c) => c.name)).toEqual([]);
}
