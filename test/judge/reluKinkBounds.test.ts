import { describe, expect, it } from "vitest";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { checkImplementation, defaultSeed } from "../../src/judge/checkImplementation.ts";
import { judgeCase } from "../../src/judge/judgeCase.ts";
import { reluKinkBounds } from "../../src/judge/reluKinkBounds.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";
import type { LabelledCase } from "../../src/network/labels.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { courseStyles, type Slope } from "../helpers/courseStyles.ts";

const [loop, dlai, cs231n] = Object.values(courseStyles);

// relu has no derivative at z = 0. With zero inputs and zero biases a hidden z is exactly 0,
// and `z < 0 ? 0 : 1` (relu'(0) = 1), `z <= 0` (0) and heaviside(z, ½) are all correct code.
const family = { hidden: "relu", output: "softmax", cost: "cross-entropy" } as const;

/** Example 1 puts both hidden units exactly at 0; example 2 one above 0 (0.5) and one below. */
const kink: LabelledCase = {
  name: "kink-[2,2,2]",
  layerSizes: [2, 2, 2],
  hiddenActivation: "relu",
  outputActivation: "softmax",
  cost: "cross-entropy",
  lambda: 1,
  X: fromRows([
    [0, 0],
    [1, -0.5],
  ]),
  Y: fromRows([
    [1, 0],
    [0, 1],
  ]),
  labels: [0, 1],
  theta: [
    fromRows([
      [0, 0.3, -0.4],
      [0, -0.6, 0.2],
    ]),
    fromRows([
      [0.1, 0.7, -0.3],
      [-0.2, 0.4, 0.9],
    ]),
  ],
};

const planted: Record<string, Slope> = {
  "relu' missing (1 everywhere)": () => 1,
  "relu' inverted (z < 0 ? 1 : 0)": (z) => (z < 0 ? 1 : 0),
  "relu' written as relu itself (a)": (_z, a) => a,
  "relu'(0) = 2, outside its one-sided derivatives": (z) => (z > 0 ? 1 : z === 0 ? 2 : 0),
};

describe("(a) at a relu kink: any relu'(0) in [0, 1], entry by entry", () => {
  it("the bounds are [0, 0] where no kink reaches, and open where one does", () => {
    const bounds = reluKinkBounds(kink)!;
    expect(bounds).toBeDefined();
    expect(bounds.high.some((h, q) => h > bounds.low[q])).toBe(true);
    expect(reluKinkBounds({ ...kink, X: fromRows([[1, -0.5]]), Y: fromRows([[0, 1]]), labels: [1] })).toBeUndefined();
  });
  it.each([
    ["z < 0 ? 0 : 1, relu'(0) = 1", loop(family)],
    ["dZ[Z <= 0] = 0, relu'(0) = 0", dlai(family)],
    ["heaviside(z, ½), relu'(0) = ½", cs231n(family)],
  ])("%s passes", async (_name, fn) => {
    const v = await judgeCase(kink, inProcessImplementation(fn, "relu"), { allowUnstableCost: true });
    expect(v.findings).toEqual([]);
    expect(v.ok).toBe(true);
  });
  it.each(Object.entries(planted))("%s fails with gradient-mismatch", async (_name, slope) => {
    const v = await judgeCase(kink, inProcessImplementation(loop(family, slope), "planted"), { allowUnstableCost: true });
    expect(v.ok).toBe(false);
    expect(v.findings.map((f) => f.problem)).toContain("gradient-mismatch");
  });
});

describe("meta: every planted relu' bug is caught by check on the default seed, and the catalogued one named", () => {
  const parsed = parseAssignment({ hiddenActivation: "relu", output: "softmax-cross-entropy", allowUnstableCost: true });
  if (!parsed.ok) throw new Error(parsed.error);
  for (const [name, slope] of Object.entries(planted)) {
    it(
      name,
      async () => {
        const report = await checkImplementation(inProcessImplementation(loop(family, slope), name), {
          seed: defaultSeed,
          runs: 100,
          assignment: parsed.assignment,
        });
        expect(report.passed).toBe(false);
        if (name.startsWith("relu' missing")) expect(report.mistakes).toEqual(["missing-activation-derivative"]);
      },
      120_000,
    );
  }
});
