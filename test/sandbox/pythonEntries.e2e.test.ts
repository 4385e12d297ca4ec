import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const fixtures = new URL("../fixtures/python-entries/", import.meta.url).pathname;
const example = new URL("../../examples/ex4-python/", import.meta.url).pathname;
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");
const ex4 = parseAssignment({ profile: "ex4" });
if (!ex4.ok) throw new Error(ex4.error);
const assignment = ex4.assignment;

describe("Python files and notebooks defining nnCostFunction, checked with no loop of their own", () => {
  for (const seed of [1, 2, 3]) {
    itWith(numpy)(
      `ex4's numpy signature in nnCostFunction.py passes --profile ex4 (seed ${seed}); its data loading and plots never run`,
      async () => {
        const report = await checkSubmission(example, { assignment, seed, runs: 40 });
        expect({ passed: report.passed, problem: report.problem }).toEqual({ passed: true, problem: undefined });
        expect(report.submission).toBe("Python nnCostFunction.py");
      },
      120_000,
    );
  }

  itWith(numpy)(
    "the same file with the bias column regularised fails, diagnosed",
    async () => {
      const dir = tempFolder("python-bias");
      const source = readFileSync(join(example, "nnCostFunction.py"), "utf8");
      // every layer's bias column in the regulariser, in J and in the gradient
      const planted = source
        .replace(
          "np.sum(np.square(Theta1[:, 1:])) + np.sum(np.square(Theta2[:, 1:]))",
          "np.sum(np.square(Theta1)) + np.sum(np.square(Theta2))",
        )
        .replace("Theta1_grad[:, 1:] += lambda_ / m * Theta1[:, 1:]", "Theta1_grad += lambda_ / m * Theta1")
        .replace("Theta2_grad[:, 1:] += lambda_ / m * Theta2[:, 1:]", "Theta2_grad += lambda_ / m * Theta2");
      expect(planted).not.toBe(source);
      writeFileSync(join(dir, "nnCostFunction.py"), planted);
      const report = await checkSubmission(dir, { assignment, seed: 2, runs: 40 });
      expect({ passed: report.passed, mistakes: report.mistakes }).toEqual({ passed: false, mistakes: ["regularized-bias"] });
    },
    120_000,
  );

  for (const seed of [2, 3]) {
    itWith(numpy)(
      `a notebook defining it (magics, plots and data cells beside it) passes --profile ex4 (seed ${seed})`,
      async () => {
        const report = await checkSubmission(fixtures + "notebook-ex4", { assignment, seed, runs: 40 });
        expect({ passed: report.passed, problem: report.problem }).toEqual({ passed: true, problem: undefined });
        expect(report.submission).toBe("Python exercise4.ipynb");
      },
      120_000,
    );
  }

  itWith(numpy)(
    "the lecture's nnCostFunction(params, layerSizes, X, y, lambda) passes the default check, any depth",
    async () => {
      const report = await checkSubmission(fixtures + "lecture-signature", { seed: 2, runs: 40 });
      expect({ passed: report.passed, problem: report.problem }).toEqual({ passed: true, problem: undefined });
    },
    120_000,
  );

  itWith(numpy)(
    "a Python 2 file is a syntax error naming the line, and says it is Python 2",
    async () => {
      const report = await checkSubmission(fixtures + "python2", { assignment });
      expect(report.problem).toBe("syntax-error");
      expect(report.message).toMatch(/^nnCostFunction\.py, line 6: .*Python 2/);
    },
    120_000,
  );

  itWith(numpy)(
    "an error in the student's code names the file and line",
    async () => {
      const report = await checkSubmission(fixtures + "runtime-error", { assignment, runs: 5 });
      const threw = report.findings.find((f) => f.problem === "threw");
      expect(threw?.message).toMatch(/^nnCostFunction\.py, line 7: ValueError: matmul/);
    },
    120_000,
  );

  itWith(numpy)(
    "a signature that is neither ex4's nor the lecture's cannot be loaded, and the message names both",
    async () => {
      const report = await checkSubmission(fixtures + "wrong-signature", { assignment });
      expect(report.problem).toBe("no-export");
      expect(report.message).toMatch(/nnCostFunction\(theta, X, y\) takes 3 parameters; expected ex4's/);
    },
    120_000,
  );
});
