import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { builtinRubrics } from "../../src/grade/builtinRubrics.ts";
import { gradeClass } from "../../src/grade/gradeClass.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const root = new URL("../../", import.meta.url).pathname;
const adapterFolder = new URL("../../src/sandbox/python/", import.meta.url).pathname;
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

/** One student's feedback.md, graded alone with a built-in rubric, and the folder the student's code is in. */
async function feedbackOf(rubric: string, example: string): Promise<{ markdown: string; folder: string }> {
  const dir = tempFolder("course-replay");
  const folder = join(dir, "class", "student");
  mkdirSync(folder, { recursive: true });
  cpSync(join(root, "examples", example), folder, { recursive: true });
  const run = await gradeClass({
    classDir: join(dir, "class"),
    outDir: join(dir, "out"),
    rubric: builtinRubrics[rubric],
    seed: 1,
    drawSeed: () => 1,
    jobs: 1,
    callTimeoutMs: 5000,
    resume: false,
  });
  if (!run.ok) throw new Error("the class could not be graded");
  return { markdown: readFileSync(join(dir, "out", "student", "feedback.md"), "utf8"), folder };
}

/** The indented block after "Or run it in Python (numpy)", as the student copies it. */
function replayScript(markdown: string): string {
  const after = markdown.split("Or run it in Python (numpy), next to your own code:\n\n")[1];
  expect(after, markdown).toBeDefined();
  const lines = after!.split("\n");
  const end = lines.findIndex((l) => !l.startsWith("    "));
  const block = end < 0 ? lines : lines.slice(0, end);
  return block.map((l) => l.slice(4)).join("\n");
}

/**
 * The course's own environment, as far as the script needs it: its plotting and support modules
 * (here gradcheck's stand-ins), and for a notebook its definitions, as the student's kernel has them.
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

function run(script: string, folder: string, notebook?: string) {
  const ran = spawnSync("/usr/bin/python3", ["-c", `${prelude(notebook)}\n${script}`], { cwd: folder, encoding: "utf8", timeout: 60_000 });
  expect(ran.stderr).toBe("");
  return ran.stdout;
}

describe("feedback.md replays a CS231n or deeplearning.ai counterexample through the course's own call", () => {
  itWith(numpy)(
    "CS231n: the script builds TwoLayerNet, sets params, calls loss and prints the student's loss and grads beside gradcheck's",
    async () => {
      const { markdown, folder } = await feedbackOf("cs231n-two-layer", "cs231n-two-layer-buggy");
      const script = replayScript(markdown);
      expect(script).toContain("loss(");
      const printed = run(script, folder);
      expect(printed).toMatch(/^your loss = \S+$/m);
      expect(printed).toMatch(/^gradcheck's J = \S+$/m);
      expect(printed).toMatch(/^your dW1 = /m);
      expect(printed).toMatch(/^gradcheck's dW1 = /m);
    },
    300_000,
  );

  itWith(numpy)(
    "deeplearning.ai: pasted after the notebook's definitions, it calls the graded functions and prints both costs and grads",
    async () => {
      const notebook = "Building_your_Deep_Neural_Network_Step_by_Step.ipynb";
      const { markdown, folder } = await feedbackOf("dlai-step", "dlai-step-buggy");
      const script = replayScript(markdown);
      expect(script).toContain("L_model_backward(");
      // the failed tests name entries as the notebook does (dW1, db1), not Θ⁽ˡ⁾[i,j]
      const failed = markdown.split("## What failed")[1]!.split("## The mistake")[0]!;
      expect(failed).toMatch(/\bd[Wb]\d\[\d+(,\d+)?\]/);
      expect(failed).not.toMatch(/Θ⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾\[/);
      const printed = run(script, folder, notebook);
      expect(printed).toMatch(/^your cost = \S+$/m);
      expect(printed).toMatch(/^gradcheck's J = \S+$/m);
      expect(printed).toMatch(/^your dW1 = /m);
      expect(printed).toMatch(/^gradcheck's dW1 = /m);
    },
    300_000,
  );
});
