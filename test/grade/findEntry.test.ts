import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { findEntry } from "../../src/grade/findEntry.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-find-entry-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

/** A student's folder holding these files (empty), relative paths. */
function folder(...files: string[]): string {
  const dir = join(scratch, `s${n++}`);
  mkdirSync(dir);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), "");
  }
  return dir;
}

it("an entry at the top is graded where it is, without a note", () => {
  const dir = folder("nnCostFunction.mjs", "lib/nnCostFunction.js");
  expect(findEntry(dir)).toEqual({ dir, entry: "nnCostFunction.mjs", notes: [] });
});

it("the course's download layout, nested two folders deep, is found and graded there with a note", () => {
  const dir = folder("machine-learning-ex4/ex4/nnCostFunction.m", "machine-learning-ex4/ex4/sigmoid.m", "machine-learning-ex4/ex4.pdf");
  const found = findEntry(dir);
  expect(found.dir).toBe(join(dir, "machine-learning-ex4/ex4"));
  expect(found.notes).toEqual([
    "the entry was found in a folder inside the submission and graded there: machine-learning-ex4/ex4/nnCostFunction.m",
  ]);
});

it("a correct .m beside a stale .js: the .m is graded, and the note says so and why", () => {
  const found = findEntry(folder("nnCostFunction.m", "nnCostFunction.js"));
  expect(found.entry).toBe("nnCostFunction.m");
  expect(found.notes.join("\n")).toMatch(
    /several candidate entry files: graded nnCostFunction\.m, not nnCostFunction\.js \(side by side, the order is gradcheck\.json, then nnCostFunction\.m/,
  );
});

it("two folders equally deep: the first in alphabetical order, named in the note", () => {
  const found = findEntry(folder("v2/nnCostFunction.js", "v1/nnCostFunction.js"));
  expect(found.entry).toBe("v1/nnCostFunction.js");
  expect(found.notes[1]).toMatch(
    /graded v1\/nnCostFunction\.js, not v2\/nnCostFunction\.js \(of folders equally deep, the first in alphabetical order\)/,
  );
});

it("the shallowest entry wins over deeper ones; dot-folders, __MACOSX and symbolic links are not searched", () => {
  const dir = folder("a/b/nnCostFunction.js", "c/nnCostFunction.mjs", ".git/nnCostFunction.js", "__MACOSX/nnCostFunction.js");
  expect(findEntry(dir).entry).toBe("c/nnCostFunction.mjs");
  const linked = folder("notes.txt");
  symlinkSync(join(dir, "c"), join(linked, "elsewhere"));
  expect(findEntry(linked)).toEqual({ dir: linked, notes: [] });
});
