import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/data/packageRoot.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeClass } from "../../src/grade/gradeClass.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-feedback-"));
afterAll(() => process.env.KEEP_I24 || rmSync(scratch, { recursive: true, force: true }));
const classDir = join(scratch, "class"),
  outDir = join(scratch, "grades");
const correct = readFileSync(join(import.meta.dirname, "../../examples/class/alice/nnCostFunction.mjs"), "utf8");

/** alice's correct module with textual changes: a slip a student makes. */
function student(id: string, ...changes: [string, string][]): void {
  let text = correct;
  for (const [from, to] of changes) {
    expect(text.includes(from), `${id}: ${from}`).toBe(true);
    text = text.replaceAll(from, to);
  }
  mkdirSync(join(classDir, id));
  writeFileSync(join(classDir, id, "nnCostFunction.mjs"), text);
}

/**
 * The example class and three students it lacks, each feedback.md read for what a student can
 * act on: the clue check would print, the state hint, a sentence that fits what happened, a
 * replay without gradcheck, and no path of the grader's machine.
 */
beforeAll(async () => {
  cpSync(join(import.meta.dirname, "../../examples/class"), classDir, { recursive: true });
  // Δ in a module-level variable, never reset: fmincg's second call sees twice the gradient
  student(
    "judy",
    ["export function nnCostFunction", "let Delta;\nexport function nnCostFunction"],
    [
      "  const Delta = new Float64Array(params.length);",
      "  if (!Delta || Delta.length !== params.length) Delta = new Float64Array(params.length);",
    ],
  );
  // the gradient unrolled column by column, as Octave's (:) does
  student(
    "iris",
    ["grad[q] = Delta[q] / m;", "grad[o + c * rows + r] = Delta[q] / m;"],
    ["grad[q] += (lambda / m) * params[q];", "grad[o + c * rows + r] += (lambda / m) * params[q];"],
  );
  student("ken", [
    "export function nnCostFunction(params, layerSizes, X, y, lambda) {",
    "export function nnCostFunction(params, layerSizes, X, y, lambda) {{",
  ]);
  // the course's download layout, and a correct module beside a stale one
  mkdirSync(join(classDir, "liam/machine-learning-ex4/ex4"), { recursive: true });
  writeFileSync(join(classDir, "liam/machine-learning-ex4/ex4/nnCostFunction.mjs"), correct);
  mkdirSync(join(classDir, "mia"));
  writeFileSync(
    join(classDir, "mia/nnCostFunction.js"),
    correct.replace("export function", "function").concat("\nmodule.exports = { nnCostFunction };\n"),
  );
  writeFileSync(join(classDir, "mia/nnCostFunction.ts"), "export function nnCostFunction() { return { J: 0, grad: [] }; }\n");
  const run = await gradeClass({
    classDir,
    outDir,
    rubric: defaultRubric,
    seed: 2024,
    drawSeed: () => 2024,
    jobs: 2,
    callTimeoutMs: 1000,
    resume: false,
  });
  expect(run.ok).toBe(true);
}, 600_000);

const feedback = (id: string) => readFileSync(join(outDir, id, "feedback.md"), "utf8");
const ids = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "iris", "ivan", "judy", "ken", "liam", "mia"];

describe("each student's feedback.md", () => {
  it.each(ids)("%s: no path of the grader's machine, no gradcheck command to run", (id) => {
    const text = feedback(id);
    for (const path of [scratch, classDir, tmpdir() + "/gradcheck-", "/submission/", packageRoot()]) expect(text).not.toContain(path);
    expect(text).not.toMatch(/npx gradcheck/);
  });

  it.each(ids.filter((id) => !["alice", "heidi", "ken", "liam", "mia"].includes(id)))(
    "%s: a failing student gets the failing call as one JSON line to replay",
    (id) => {
      expect(feedback(id)).toMatch(/Call your nnCostFunction on this network with your own tools[^]*\n {4}\{"id":1,"params":\[/);
    },
  );

  it("the counterexample comes as a script in the student's own language: numpy for Python, none for JavaScript", () => {
    // (Octave's classic signature takes one hidden layer: ivan's first counterexample is deeper, so the JSON line serves)
    expect(feedback("frank")).toMatch(/Or run it in Python \(numpy\)[^]*import numpy as np[^]*Thetas = \[/);
    expect(feedback("ivan")).not.toMatch(/Or run it in Octave/);
    expect(feedback("bob")).not.toMatch(/Or run it in/);
  });

  it("a named mistake is explained, with its hint", () => {
    expect(feedback("bob")).toMatch(/`lambda-not-divided-by-m`[^]*\*\*Hint:\*\*/);
    expect(feedback("bob")).not.toMatch(/No catalogued mistake/);
  });

  it("a crash and a time-out are said as what they are, not as a missing catalogue entry", () => {
    expect(feedback("dave")).toMatch(/### Crashed during a call \(`crashed`\)[^]*\*\*Hint:\*\*/);
    expect(feedback("erin")).toMatch(/### Timed out \(`timeout`\)/);
    for (const id of ["dave", "erin"]) expect(feedback(id)).not.toMatch(/No catalogued mistake/);
  });

  it("state kept between calls is named, with a hint at module-level variables and Δ", () => {
    const text = feedback("judy");
    expect(text).toMatch(/### Different answers to the same input \(`not-reproducible`\)/);
    expect(text).toMatch(/\*\*Hint:\*\* .*module-level.*Δ that is not reset/);
    // nothing sends the student hunting for a regulariser bug
    expect(text.slice(text.indexOf("## The mistake"))).not.toMatch(/`[a-z-]*regulari[sz]/);
  });

  it("a column-major gradient carries check's clue: the right numbers in the wrong places", () => {
    const text = feedback("iris");
    expect(text).toMatch(/`gradient-layout`/);
    expect(text).toMatch(/No catalogued mistake fits your answers; these patterns do/);
  });

  it("a syntax error is shown as node reported it, without the grader's paths", () => {
    const text = feedback("ken");
    expect(text).toMatch(/## Not graded: cannot-load/);
    expect(text).toMatch(/SyntaxError/);
  });

  it("a nested entry is found and graded, with a note naming its path; two candidates are a warning naming the one graded", () => {
    const summary = JSON.parse(readFileSync(join(outDir, "summary.json"), "utf8")).submissions;
    const points = (id: string) => summary.find((s: { id: string }) => s.id === id).points;
    expect([points("liam"), points("mia")]).toEqual([100, 100]);
    expect(feedback("liam")).toContain(
      "**Note:** the entry was found in a folder inside the submission and graded there: machine-learning-ex4/ex4/nnCostFunction.mjs",
    );
    expect(feedback("mia")).toMatch(/\*\*Note:\*\* several candidate entry files: graded nnCostFunction\.js, not nnCostFunction\.ts/);
    const classMd = readFileSync(join(outDir, "class.md"), "utf8");
    expect(classMd).toMatch(/## Entry files[^]*- liam: the entry was found[^]*- mia: several candidate entry files/);
  });
});
