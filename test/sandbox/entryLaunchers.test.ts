import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { entryLaunchers, type EntryFolder } from "../../src/sandbox/entryLaunchers.ts";
import type { SkippedEntry } from "../../src/sandbox/stageSubmission.ts";
import { tempFolder } from "../helpers/tempFolder.ts";

/** The kind the table picks for a folder holding these files: the first row whose detect finds something. */
function kindFor(files: readonly string[], given: Partial<EntryFolder> = {}, skipped: readonly SkippedEntry[] = []): string {
  const dir = tempFolder("launchers");
  for (const f of files) writeFileSync(join(dir, f), f.endsWith(".json") ? '{"command":["python3"]}' : "");
  const folder: EntryFolder = {
    stagedDir: dir,
    notRegular: (name) => skipped.find((s) => s.path === name),
    shownAs: "student",
    ...given,
  };
  return entryLaunchers.find((l) => l.detect(folder) !== undefined)!.kind;
}

describe("the table of entry launchers", () => {
  it("picks the most specific kind first: gradcheck.json, a course profile, Octave, Python, then a module", () => {
    expect(kindFor(["gradcheck.json", "nnCostFunction.m", "nnCostFunction.js"])).toBe("process");
    expect(kindFor(["nnCostFunction.m", "nnCostFunction.py", "nnCostFunction.js"])).toBe("octave");
    expect(kindFor(["nnCostFunction.py", "nnCostFunction.js"])).toBe("python");
    expect(kindFor(["nnCostFunction.js"])).toBe("module");
    expect(kindFor(["nnCostFunction.m"], { course: { profile: "cs231n" } })).toBe("course profile");
  });

  it("follows the file the user named, and answers for an empty folder with the module row", () => {
    expect(kindFor(["gradcheck.json", "nnCostFunction.m"], { named: "nnCostFunction.m" })).toBe("octave");
    expect(kindFor(["nnCostFunction.m", "nnCostFunction.py"], { named: "nnCostFunction.py" })).toBe("python");
    expect(kindFor([])).toBe("module");
  });

  it("refuses a gradcheck.json that was not copied because it is not a regular file", async () => {
    const skipped = [{ path: "gradcheck.json", kind: "symbolic link" }] as unknown as SkippedEntry[];
    expect(kindFor([], {}, skipped)).toBe("gradcheck.json that is not a regular file");
    const folder: EntryFolder = { stagedDir: tempFolder("launchers"), notRegular: () => skipped[0], shownAs: "student" };
    const row = entryLaunchers[0]!;
    const loaded = await row.load(row.detect(folder), folder, { settings: undefined as never, warnings: [] });
    expect(loaded).toMatchObject({ ok: false, problem: "bad-config" });
  });

  it("says what is missing when no entry is there, without starting anything", async () => {
    const folder: EntryFolder = { stagedDir: tempFolder("launchers"), notRegular: () => undefined, shownAs: "alice" };
    const row = entryLaunchers.at(-1)!;
    const loaded = await row.load(row.detect(folder), folder, { settings: undefined as never, warnings: [] });
    expect(loaded).toMatchObject({ ok: false, problem: "no-entry-file" });
    expect((loaded as { message: string }).message).toMatch(/^alice: no submission entry found/);
  });
});
