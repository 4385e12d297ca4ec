import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeSubmission } from "../../src/grade/gradeSubmission.ts";
import { networksFor } from "../../src/grade/networksFor.ts";

import { rubricAssignment } from "../../src/grade/rubricAssignment.ts";
import { assignmentProfiles, defaultAssignment, hiddenActivations, outputFamilies } from "../../src/judge/Assignment.ts";
import { readRubric, rubricSchema, validateRubric } from "../../src/grade/validateRubric.ts";

const rubricFile = new URL("../../examples/rubrics/softmax-relu.json", import.meta.url).pathname;
const example = new URL("../../examples/families/softmax-relu/nnCostFunction.mjs", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-rubric-family-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const options = { seed: 7, callTimeoutMs: 10_000 };

/** The family's independent example, with one textual change: a planted bug. */
function variant(name: string, from: string, to: string): string {
  const source = readFileSync(example, "utf8");
  const text = source.replaceAll(from, to);
  expect(text, name).not.toBe(source);
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "nnCostFunction.mjs"), text);
  return dir;
}

const read = () => {
  const r = readRubric(rubricFile);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.rubric;
};

describe("a rubric's assignment states the family as check's flags do", () => {
  it("the softmax-relu example rubric is valid and states relu hidden layers, a softmax output and K 2..4", () => {
    const stated = rubricAssignment(read());
    expect(stated.ok && stated.assignment).toMatchObject({
      hiddenActivation: "relu",
      output: "softmax-cross-entropy",
      classes: { min: 2, max: 4 },
    });
    const nets = networksFor(read().tests[0]!, 7, stated.ok ? stated.assignment : defaultAssignment);
    expect(nets.every((c) => c.hiddenActivation === "relu" && c.outputActivation === "softmax")).toBe(true);
  });
  it("a correct softmax-relu submission gets every point", async () => {
    const graded = await gradeSubmission("right", join(example, ".."), read(), options);
    expect(graded.score, JSON.stringify(graded.items)).toBe(1);
  }, 300_000);
  it("a softmax without the max-shift loses the stable-cost test only: its J or gradient is not finite where e^z overflows, named softmax-without-max-shift", async () => {
    const graded = await gradeSubmission("naive", variant("naive", "const max = Math.max(...z)", "const max = 0"), read(), options);
    expect(graded.items.filter((i) => !i.passed).map((i) => i.id)).toEqual(["stable-cost"]);
    expect(graded.items.find((i) => i.id === "stable-cost")!.message).toMatch(/NaN|Infinity/);
    expect(graded.mistakes).toContain("softmax-without-max-shift");
  }, 300_000);
  it("a missing relu' loses the gradient tests, keeps the cost's, and is named missing-activation-derivative", async () => {
    const graded = await gradeSubmission(
      "no-relu-prime",
      variant("no-relu-prime", "relu: (a) => (a > 0 ? 1 : 0)", "relu: () => 1"),
      read(),
      options,
    );
    const failed = graded.items.filter((i) => !i.passed).map((i) => i.id);
    expect(failed).toEqual(expect.arrayContaining(["gradient", "deep"]));
    expect(failed).not.toContain("cost");
    expect(failed).not.toContain("cost-regularizer");
    expect(graded.mistakes).toContain("missing-activation-derivative");
    // the replay line checks the same family
    expect(graded.replay).toContain("--hidden-activation relu --output softmax-cross-entropy --classes 2..4");
  }, 300_000);
});

describe("a rubric's assignment: errors name the field", () => {
  const withAssignment = (assignment: Record<string, unknown>) => validateRubric({ ...defaultRubric, assignment });
  const errorsOf = (assignment: Record<string, unknown>) => {
    const r = withAssignment(assignment);
    return r.ok ? "" : r.errors.join("\n");
  };
  it("an unknown family value is refused, naming the field and the values allowed", () => {
    expect(errorsOf({ hiddenActivation: "swish" })).toMatch(/assignment\.hiddenActivation: .*"sigmoid", "tanh", "relu"/);
    expect(errorsOf({ output: "softmax" })).toMatch(/assignment\.output: .*"softmax-cross-entropy"/);
    expect(errorsOf({ profile: "ex5" })).toMatch(/assignment\.profile/);
    expect(errorsOf({ classes: "two" })).toMatch(/assignment\.classes/);
    expect(errorsOf({ colour: "red" })).toMatch(/assignment: unknown field 'colour'/);
  });
  it("the older outputActivation + cost must agree with output, and name a family", () => {
    expect(errorsOf({ outputActivation: "sigmoid", cost: "cross-entropy", output: "softmax-cross-entropy" })).toMatch(
      /assignment\.output: .*contradicts/,
    );
    expect(errorsOf({ outputActivation: "identity", cost: "cross-entropy" })).toMatch(/assignment\.cost: .*no output family/);
    expect(withAssignment({ outputActivation: "softmax", cost: "cross-entropy" }).ok).toBe(false); // the default rubric has K = 1 tests
  });
  it("tests' networks must lie within the assignment's shapes: softmax needs K ≥ 2, ex4 one hidden layer", () => {
    expect(errorsOf({ output: "softmax-cross-entropy" })).toMatch(
      /tests\[6\]\.networks\.K: \[1, 1\] is outside the assignment's classes 2\.\.$/m,
    );
    expect(errorsOf({ profile: "ex4" })).toMatch(
      /tests\[5\]\.networks\.hiddenLayers: \[2, 3\] is outside the assignment's hiddenLayers 1\.\.1/,
    );
    expect(errorsOf({ lambda: "0" })).toMatch(/tests\[1\]\.networks\.lambda: 0\.37, 3 is not one of the assignment's λ \(0\)/);
  });
  it("the default rubric is unchanged and valid, and states the lecture's network", () => {
    expect(defaultRubric.assignment).toEqual({
      hiddenActivation: "sigmoid",
      outputActivation: "sigmoid",
      cost: "cross-entropy",
      targets: "one-hot",
    });
    const stated = rubricAssignment(defaultRubric);
    expect(stated.ok && stated.assignment).toEqual(defaultAssignment);
    expect(validateRubric({ ...defaultRubric, assignment: {} }).ok).toBe(true);
  });
  it("the schema lists exactly the values check accepts", () => {
    const props = (rubricSchema as { properties: { assignment: { properties: Record<string, { enum?: string[] }> } } }).properties
      .assignment.properties;
    expect(props.hiddenActivation!.enum).toEqual([...hiddenActivations]);
    expect(props.output!.enum).toEqual([...outputFamilies]);
    expect(props.profile!.enum).toEqual(Object.keys(assignmentProfiles));
  });
});
