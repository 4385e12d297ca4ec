import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeClass } from "../../src/grade/gradeClass.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-internal-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Only duplicate ids, which never reach the sandbox, so nothing is spawned.
it("an exception while grading one student becomes that student's internal-error; the class run goes on and writes its outputs", async () => {
  const classDir = join(scratch, "class"),
    out = join(scratch, "out");
  mkdirSync(join(classDir, "dup"), { recursive: true });
  writeFileSync(join(classDir, "dup.zip"), "");
  mkdirSync(join(classDir, "zed"));
  writeFileSync(join(classDir, "zed.zip"), "");
  // a file where dup's output folder must go: writing dup's outputs throws
  mkdirSync(out);
  writeFileSync(join(out, "dup"), "in the way");
  const run = await gradeClass({
    classDir,
    outDir: out,
    rubric: defaultRubric,
    seed: 1,
    drawSeed: () => 1,
    jobs: 1,
    callTimeoutMs: 1000,
    resume: true,
  });
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
  expect(summary.submissions.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
    ["dup", "internal-error"],
    ["zed", "duplicate-id"],
  ]);
  expect(summary.submissions[0].items[0].message).toMatch(/gradcheck failed while grading: .*out\/dup/);
});
