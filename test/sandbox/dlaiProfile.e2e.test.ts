import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { parseAssignment, type AssignmentFields } from "../../src/judge/Assignment.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const examples = new URL("../../examples/", import.meta.url).pathname;
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");
const notebook = "Building_your_Deep_Neural_Network_Step_by_Step.ipynb";

async function verdict(dir: string, seed: number, fields: AssignmentFields = {}) {
  const parsed = parseAssignment({ profile: "dlai", ...fields });
  if (!parsed.ok) throw new Error(parsed.error);
  const r = await checkSubmission(dir, { assignment: parsed.assignment, seed });
  return { passed: r.passed, problem: r.problem, submission: r.submission, message: r.message };
}

/** A copy of an example, with one text of one file replaced and extra files written beside it. */
function edited(example: string, file: string, from: string, to: string, extra: Record<string, string> = {}): string {
  const dir = tempFolder("dlai");
  cpSync(join(examples, example), dir, { recursive: true });
  const source = readFileSync(join(dir, file), "utf8");
  expect(source).toContain(from);
  writeFileSync(join(dir, file), source.split(from).join(to));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("--profile dlai: the notebook's graded functions, called with the course's shapes", () => {
  for (const seed of [1, 2, 4]) {
    itWith(numpy)(
      `Step by Step: a correct notebook passes; its tests, plots and magics never run (seed ${seed})`,
      async () => {
        expect(await verdict(join(examples, "dlai-step"), seed)).toMatchObject({
          passed: true,
          problem: undefined,
          submission: `dlai step ${notebook}`,
        });
      },
      120_000,
    );
  }

  itWith(numpy)(
    "Step by Step: dW without its 1/m fails",
    async () => {
      expect(await verdict(join(examples, "dlai-step-buggy"), 1)).toMatchObject({ passed: false, problem: undefined });
    },
    120_000,
  );

  itWith(numpy)(
    "the course's support modules are gradcheck's, for `from … import *` too, whatever copy of dnn_utils lies beside the notebook",
    async () => {
      const dir = edited(
        "dlai-step",
        notebook,
        "from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward",
        "from dnn_utils_v2 import *",
        { "dnn_utils_v2.py": "raise RuntimeError('a copy that only works on the course server')\n" },
      );
      expect(await verdict(dir, 1)).toMatchObject({ passed: true, problem: undefined });
    },
    120_000,
  );

  for (const seed of [1, 3, 4]) {
    itWith(numpy)(
      `Regularization: the .py export of a correct notebook passes with λ > 0 (seed ${seed})`,
      async () => {
        expect(await verdict(join(examples, "dlai-regularization"), seed)).toMatchObject({
          passed: true,
          problem: undefined,
          submission: "dlai regularization Regularization.py",
        });
      },
      120_000,
    );
  }

  itWith(numpy)(
    "Regularization: λ·W instead of (λ/m)·W in one layer's gradient fails",
    async () => {
      expect(await verdict(join(examples, "dlai-regularization-buggy"), 1)).toMatchObject({ passed: false, problem: undefined });
    },
    120_000,
  );

  itWith(numpy)(
    "a folder without the graded function says what it looked for",
    async () => {
      const r = await verdict(join(examples, "ex4-python"), 1, { variant: "regularization" });
      expect(r.problem).toBe("no-entry-file");
      expect(r.message).toMatch(/a notebook or \.py defining backward_propagation_with_regularization/);
    },
    120_000,
  );
});
