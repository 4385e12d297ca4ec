import { spawnSync } from "node:child_process";
import { describe, expect } from "vitest";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { parseAssignment, type AssignmentFields } from "../../src/judge/Assignment.ts";
import { pythonCourseSnippet } from "../../src/report/pythonCourseSnippet.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const examples = new URL("../../examples/", import.meta.url).pathname;
const adapterFolder = new URL("../../src/sandbox/python/", import.meta.url).pathname;
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

/**
 * The course's own environment, as far as the snippet needs it: its plotting and support
 * modules (here gradcheck's stand-ins), and for a notebook its definitions, loaded as the
 * student's kernel has them.
 */
const prelude = (notebook?: string) =>
  [
    "import sys",
    `sys.path.insert(0, ${JSON.stringify(adapterFolder)})`,
    "from gradcheck_imports import install_import_fallbacks",
    "install_import_fallbacks()",
    ...(notebook
      ? ["from gradcheck_load import load_definitions", `globals().update(load_definitions(${JSON.stringify(notebook)})[0])`]
      : []),
  ].join("\n");

async function replayed(example: string, fields: AssignmentFields, notebook?: string) {
  const parsed = parseAssignment(fields);
  if (!parsed.ok) throw new Error(parsed.error);
  const report = await checkSubmission(examples + example, { assignment: parsed.assignment, seed: 1 });
  const ce = report.counterexample!;
  const snippet = pythonCourseSnippet(ce, report.submission);
  expect(snippet).toBeDefined();
  const run = spawnSync("/usr/bin/python3", ["-c", `${prelude(notebook)}\n${snippet!.join("\n")}`], {
    cwd: examples + example,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  const printed = (label: string) => Number(new RegExp(`^${label} = (\\S+)$`, "m").exec(run.stdout)?.[1]);
  return { ce, yours: printed("your (?:loss|cost)"), theirs: printed("gradcheck's J") };
}

describe("a counterexample replays in the student's own Python, calling their own code", () => {
  itWith(numpy)(
    "CS231n: the script builds TwoLayerNet, sets params, calls loss and prints both losses",
    async () => {
      const { ce, yours, theirs } = await replayed("cs231n-two-layer-buggy", { profile: "cs231n" });
      expect(yours).toBeCloseTo(ce.submitted!.J, 12);
      expect(theirs).toBe(ce.expected!.J);
    },
    120_000,
  );

  itWith(numpy)(
    "deeplearning.ai: pasted after the notebook's definitions, it calls L_model_forward, compute_cost and L_model_backward",
    async () => {
      const { ce, yours, theirs } = await replayed(
        "dlai-step-buggy",
        { profile: "dlai" },
        "Building_your_Deep_Neural_Network_Step_by_Step.ipynb",
      );
      expect(yours).toBeCloseTo(ce.submitted!.J, 12);
      expect(theirs).toBe(ce.expected!.J);
    },
    120_000,
  );
});
