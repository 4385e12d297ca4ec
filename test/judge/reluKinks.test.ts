import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputOf, parseAssignment, type Assignment, type OutputFamily } from "../../src/judge/Assignment.ts";
import { checkImplementation, defaultSeed } from "../../src/judge/checkImplementation.ts";
import { reluRoundingKinks } from "../../src/judge/reluRoundingKinks.ts";
import { matrix } from "../../src/linalg/Matrix.ts";
import { mistakesFor, nnCostFunctionWith, type NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

// relu has no derivative at z = 0. Finite differences of a correct relu network that cross the
// kink, and a z that is 0 up to round-off (relu' 1 in one summation order, 0 in another), once
// failed check (b) and (a) on ordinary cases; three seeds of 100 networks each must pass.
const seeds = [defaultSeed, 1, 777];
const outputs: readonly OutputFamily[] = ["softmax-cross-entropy", "sigmoid-cross-entropy"];
const reluWith = (output: OutputFamily): Assignment => {
  const parsed = parseAssignment({ hiddenActivation: "relu", output });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
};
const familyOf = (a: Assignment) => ({ hiddenActivation: a.hiddenActivation, ...outputOf(a.output) });

// The family's example, written independently of the catalogue; a copy of it with a sigmoid output.
const example = new URL("../../examples/families/softmax-relu/nnCostFunction.mjs", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-relu-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
async function independent(output: OutputFamily): Promise<NnCostFunction> {
  const source = readFileSync(example, "utf8");
  const variant = output === "softmax-cross-entropy" ? source : source.replace('output = "softmax"', 'output = "sigmoid"');
  if (output !== "softmax-cross-entropy") expect(variant).not.toBe(source);
  const file = join(scratch, `${output}.mjs`);
  writeFileSync(file, variant);
  return ((await import(file)) as { nnCostFunction: NnCostFunction }).nnCostFunction;
}

describe("correct relu code passes check on 100 networks for each of three seeds", () => {
  for (const output of outputs) {
    const assignment = reluWith(output);
    for (const seed of seeds) {
      it(`relu hidden layers, ${output}, seed ${seed}: the catalogue's slip-free function and the independent example`, async () => {
        const implementations = [
          inProcessImplementation(nnCostFunctionWith({}, familyOf(assignment)), "slip-free"),
          inProcessImplementation(await independent(output), "independent example"),
        ];
        for (const implementation of implementations) {
          const report = await checkImplementation(implementation, { seed, runs: 100, assignment });
          expect(report.passed, `${implementation.description}: ${JSON.stringify(report.findings)}`).toBe(true);
          expect(report.runs).toBe(100);
        }
      }, 300_000);
    }
  }
});

describe("meta: real relu bugs still fail, and are named", () => {
  for (const output of outputs) {
    const assignment = reluWith(output);
    it(`${output}: every catalogued mistake of the family fails, named, on the default seed`, async () => {
      const planted = mistakesFor(familyOf(assignment));
      expect([...planted.keys()]).toContain("missing-activation-derivative");
      if (output === "softmax-cross-entropy") expect([...planted.keys()]).toContain("softmax-derivative-in-output-delta");
      for (const [id, fn] of planted) {
        const report = await checkImplementation(inProcessImplementation(fn, id), { seed: defaultSeed, assignment });
        expect(report.passed, id).toBe(false);
        expect(report.mistakes, id).toContain(id);
      }
    }, 300_000);
  }
});

describe("a z that is 0 up to round-off", () => {
  const base = {
    name: "kink",
    layerSizes: [2, 1, 2],
    hiddenActivation: "relu" as const,
    outputActivation: "softmax" as const,
    cost: "cross-entropy" as const,
    lambda: 0,
    Y: matrix(1, 2, [1, 0]),
    labels: [0],
  };
  const theta = (hidden: number[]) => [matrix(1, 3, hidden), matrix(2, 2, [0.1, 0.5, -0.2, 0.3])];
  it("marks the entries that hang on relu' there: its row of Θ⁽¹⁾, not Θ⁽²⁾", () => {
    // 0.1 + 0.2 − 0.3 is 2.8e-17 in float64, not 0
    const marks = reluRoundingKinks({ ...base, X: matrix(1, 2, [0.2, -0.3]), theta: theta([0.1, 1, 1]) });
    expect(Array.from(marks ?? [])).toEqual([1, 1, 1, 0, 0, 0, 0]);
  });
  it("leaves an ordinary z, and a z that is exactly 0 in every order (relu'(0) = 0), to be judged", () => {
    expect(reluRoundingKinks({ ...base, X: matrix(1, 2, [0.2, -0.3]), theta: theta([0.5, 1, 1]) })).toBeUndefined();
    expect(reluRoundingKinks({ ...base, X: matrix(1, 2, [0, 0]), theta: theta([0, 1, 1]) })).toBeUndefined();
  });
  it("follows the round-off upward: a unit fed only by such a unit is ambiguous as well", () => {
    const deep = {
      ...base,
      layerSizes: [2, 1, 1, 2],
      X: matrix(1, 2, [0.2, -0.3]),
      theta: [matrix(1, 3, [0.1, 1, 1]), matrix(1, 2, [0, 24]), matrix(2, 2, [0.1, 0.5, -0.2, 0.3])],
    };
    expect(Array.from(reluRoundingKinks(deep) ?? [])).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0]);
  });
});
