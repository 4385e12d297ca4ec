import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeClass } from "../../src/grade/gradeClass.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-example-class-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What examples/class is there to show, student by student: status, tests lost, mistakes named. */
const expected = {
  alice: ["graded", [], []],
  bob: ["graded", ["gradient-regularizer"], ["lambda-not-divided-by-m"]],
  carol: ["graded", ["cost-regularizer", "gradient-regularizer"], ["regularized-bias"]],
  dave: ["graded", ["edge-shapes"], []], // exits on m = 1: only the test with m = 1 fails
  erin: ["graded", ["deep", "edge-shapes"], []], // hangs on two hidden layers
  frank: ["graded", ["cost", "gradient", "deep", "stable-cost"], ["labels-not-one-hot"]],
  grace: ["graded", ["gradient", "deep", "edge-shapes", "self-consistency"], ["missing-activation-derivative"]],
  heidi: ["no-entry-file", defaultRubric.tests.map((t) => t.id), []],
  // the classic exercise in Octave: one hidden layer, one-hot over K ≥ 2 and the naive log, as
  // the course sets them (grade it with --rubric ex4 for the rubric that fits the assignment)
  ivan: ["graded", ["deep", "edge-shapes", "stable-cost"], []],
};

it("examples/class grades as the README says", { timeout: 600_000 }, async () => {
  const classDir = join(import.meta.dirname, "../../examples/class");
  const run = await gradeClass({
    classDir,
    outDir: join(scratch, "grades"),
    rubric: defaultRubric,
    seed: 2024,
    drawSeed: () => 2024,
    jobs: 2,
    callTimeoutMs: 1000,
    resume: false,
  });
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  const got = Object.fromEntries(
    run.students.map(({ result: r }) => [r.id, [r.status, r.items.filter((i) => !i.passed).map((i) => i.id), r.mistakes]]),
  );
  expect(got).toEqual(expected);
});
