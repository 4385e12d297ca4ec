import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { parseAssignment, type AssignmentFields } from "../../src/judge/Assignment.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const examples = new URL("../../examples/", import.meta.url).pathname;
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

function profile(fields: AssignmentFields) {
  const parsed = parseAssignment({ profile: "cs231n", ...fields });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
}

/** A copy of an example with one text replaced in one of its files. */
function edited(example: string, file: string, from: string, to: string): string {
  const dir = tempFolder("cs231n");
  cpSync(join(examples, example), dir, { recursive: true });
  const source = readFileSync(join(dir, file), "utf8");
  expect(source).toContain(from);
  writeFileSync(join(dir, file), source.split(from).join(to));
  return dir;
}

const verdict = async (dir: string, fields: AssignmentFields, seed = 2) => {
  const r = await checkSubmission(dir, { assignment: profile(fields), seed });
  return { passed: r.passed, problem: r.problem, mistakes: r.mistakes, submission: r.submission };
};

describe("--profile cs231n: the student's TwoLayerNet and FullyConnectedNet, unchanged", () => {
  for (const seed of [1, 2, 3]) {
    itWith(numpy)(
      `a correct neural_net.py passes, the variant told by its file (seed ${seed})`,
      async () => {
        expect(await verdict(join(examples, "cs231n-two-layer"), {}, seed)).toEqual({
          passed: true,
          problem: undefined,
          mistakes: [],
          submission: "cs231n two-layer neural_net.py",
        });
      },
      120_000,
    );
  }

  itWith(numpy)(
    "the regulariser's gradient without its factor 2 fails",
    async () => {
      expect(await verdict(join(examples, "cs231n-two-layer-buggy"), {})).toMatchObject({ passed: false, problem: undefined });
    },
    120_000,
  );

  itWith(numpy)(
    "b kept as (1, C), and db as (1, C) too, is accepted",
    async () => {
      const dir = edited("cs231n-two-layer", "neural_net.py", "np.zeros(hidden_size)", "np.zeros((1, hidden_size))");
      const source = readFileSync(join(dir, "neural_net.py"), "utf8")
        .replace("np.zeros(output_size)", "np.zeros((1, output_size))")
        .split("np.sum(dscores, axis=0)")
        .join("np.sum(dscores, axis=0, keepdims=True)");
      writeFileSync(join(dir, "neural_net.py"), source);
      expect(await verdict(dir, {})).toMatchObject({ passed: true, problem: undefined });
    },
    120_000,
  );

  for (const seed of [1, 2]) {
    itWith(numpy)(
      `fc_net.py with layers.py and layer_utils.py passes with its 0.5·reg·ΣW² (seed ${seed})`,
      async () => {
        expect(await verdict(join(examples, "cs231n-fc-net"), { regularizer: "half-reg" }, seed)).toEqual({
          passed: true,
          problem: undefined,
          mistakes: [],
          submission: "cs231n fc-net cs231n/classifiers/fc_net.py",
        });
      },
      120_000,
    );
  }

  itWith(numpy)(
    "the same fc_net.py under the other regulariser convention fails: the convention is the profile's option",
    async () => {
      expect(await verdict(join(examples, "cs231n-fc-net"), { regularizer: "reg" })).toMatchObject({ passed: false });
    },
    120_000,
  );

  itWith(numpy)(
    "relu_backward that forgets relu' is diagnosed",
    async () => {
      expect(await verdict(join(examples, "cs231n-fc-net-buggy"), { regularizer: "half-reg" })).toMatchObject({
        passed: false,
        mistakes: ["missing-activation-derivative"],
      });
    },
    120_000,
  );

  itWith(numpy)(
    "a Python 2 neural_net.py is a syntax error naming the line",
    async () => {
      const dir = edited("cs231n-two-layer", "neural_net.py", "print(net.loss(X, np.array([0, 1, 2, 2, 1]), reg=0.05))", "print net");
      const r = await checkSubmission(dir, { assignment: profile({}) });
      expect(r.problem).toBe("syntax-error");
      expect(r.message).toMatch(/^neural_net\.py, line \d+: .*Python 2/);
    },
    120_000,
  );

  itWith(numpy)(
    "a folder without the course's files says which files it expected",
    async () => {
      const r = await checkSubmission(join(examples, "ex4-python"), { assignment: profile({ variant: "fc-net" }) });
      expect(r.problem).toBe("no-entry-file");
      expect(r.message).toMatch(/cs231n\/classifiers\/fc_net\.py/);
    },
    120_000,
  );
});
