import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeSubmission } from "../../src/grade/gradeSubmission.ts";
import { validateRubric } from "../../src/grade/validateRubric.ts";
import type { Rubric } from "../../src/grade/Rubric.ts";

const wbRubric: Rubric = { ...defaultRubric, assignment: { ...defaultRubric.assignment, layout: "wb" } };
const example = new URL("../../examples/wb-module/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-rubric-wb-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const options = { seed: 7, callTimeoutMs: 10_000 };

describe("a rubric's assignment states the layout: wb", () => {
  it("is valid, and a layout the schema does not know is refused naming the field", () => {
    expect(validateRubric(wbRubric).ok).toBe(true);
    const r = validateRubric({ ...defaultRubric, assignment: { ...defaultRubric.assignment, layout: "columns" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain("assignment.layout");
  });
  it("a correct wb module gets every point with it, and is not graded right without it", async () => {
    const right = await gradeSubmission("wb", example, wbRubric, options);
    expect(right.score, JSON.stringify(right.items)).toBe(1);
    const unstated = await gradeSubmission("wb", example, defaultRubric, options);
    expect(unstated.score).toBeLessThan(1);
  }, 300_000);
  it("a wb module that regularises b loses the regulariser's points and is named regularized-bias", async () => {
    const text = readFileSync(join(example, "nnCostFunction.mjs"), "utf8").replace('const SLIP = "none"', 'const SLIP = "b-regularized"');
    writeFileSync(join(scratch, "nnCostFunction.mjs"), text);
    const graded = await gradeSubmission("wb-b", scratch, wbRubric, options);
    expect(graded.score).toBeLessThan(1);
    expect(graded.mistakes).toContain("regularized-bias");
  }, 300_000);
});
