import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { driftOf, exampleCopies, standaloneExamples, type ExampleCopy } from "../../scripts/exampleCopies.ts";

/**
 * Every example that copies another is its original with exactly its declared changes (its
 * planted mistake, its header, its module format): a fix to the shared lines is made in the
 * original and `npx tsx scripts/syncExamples.ts` carries it to the copies. The failure names the
 * copy, its original and the first line where they part.
 */
const examples = new URL("../../examples/", import.meta.url);
const root = fileURLToPath(examples);
const read = (path: string) => readFileSync(new URL(path, examples), "utf8");
/** Folders that hold examples rather than being one: a class of students, the output families. */
const groups = ["class", "families"];
/** The example a path lies in: its first folder, or its first two inside a group. */
const exampleOf = (path: string) => {
  const parts = path.split("/");
  return parts.slice(0, groups.includes(parts[0]) ? 2 : 1).join("/");
};

/** Every file below an example's folder, relative to examples/. */
const filesOf = (folder: string) =>
  readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

describe("every example copy is its original with its declared changes only", () => {
  it.each(exampleCopies.map((copy) => [copy.copy, copy] as const))("examples/%s", (_, copy) => {
    expect(driftOf(copy, read(copy.of), read(copy.copy))).toBeUndefined();
  });
});

describe("the table of copies", () => {
  it("accounts for every example: an original, a copy, or standing alone for a stated reason", () => {
    const entries = readdirSync(examples).flatMap((name) =>
      groups.includes(name) ? readdirSync(new URL(`${name}/`, examples)).map((inner) => `${name}/${inner}`) : [name],
    );
    const named = new Set(exampleCopies.flatMap(({ copy, of }) => [exampleOf(copy), exampleOf(of)]));
    const unaccounted = entries.filter((entry) => !(entry in standaloneExamples) && !named.has(entry));
    expect(unaccounted, "add these to scripts/exampleCopies.ts").toEqual([]);
  });

  it("declares every file of a folder that holds copies, so nothing in it is copied by hand", () => {
    const declared = new Set(exampleCopies.map(({ copy }) => copy));
    const stray = [...new Set(exampleCopies.map(({ copy }) => exampleOf(copy)))].flatMap((folder) =>
      filesOf(folder).filter((path) => !declared.has(path)),
    );
    expect(stray, "declare these as copies in scripts/exampleCopies.ts").toEqual([]);
  });

  it("copies every file of an example it copies from, so a file added to the original reaches each copy", () => {
    const pairs = new Set(exampleCopies.map(({ copy, of }) => `${exampleOf(copy)}\t${exampleOf(of)}`));
    const missing = [...pairs].flatMap((pair) => {
      const [copy, original] = pair.split("\t") as [string, string];
      const copied = new Set(exampleCopies.filter((c) => exampleOf(c.copy) === copy).map((c) => c.of));
      return filesOf(original)
        .filter((path) => !copied.has(path))
        .map((path) => `${copy} has no copy of ${path}`);
    });
    expect(missing, "add these copies to scripts/exampleCopies.ts").toEqual([]);
  });
});

describe("drift is found (planted)", () => {
  const bob = exampleCopies.find(({ copy }) => copy === "class/bob/nnCostFunction.cjs")!;
  const original = read(bob.of),
    copy = read(bob.copy);

  it("in a shared line, naming the copy, the original and the line", () => {
    const planted = copy.replace("al.push(sigmoid(s));", "al.push(sigmoid(-s));");
    const drift = driftOf(bob, original, planted);
    expect(drift).toMatch(/^examples\/class\/bob\/nnCostFunction\.cjs strays from examples\/correct\/nnCostFunction\.mjs/);
    expect(drift).toContain(`first at line ${copy.split("\n").findIndex((line) => line.includes("sigmoid(s)")) + 1}:`);
    expect(drift).toContain("sigmoid(-s)");
  });

  it("when a fix to the original is not carried to the copy", () => {
    expect(driftOf(bob, original.replace("m = X.length", "m = X.length | 0"), copy)).toMatch(/strays from/);
  });

  it("when a declared change no longer matches its original", () => {
    const stale: ExampleCopy = { ...bob, changes: [["grad[q] += (lambda / m) * params[q];", "x"]] };
    expect(driftOf(stale, original.replace("(lambda / m) * params[q]", "params[q] * (lambda / m)"), copy)).toMatch(
      /change 1 of examples\/class\/bob\/nnCostFunction\.cjs expects examples\/correct\/nnCostFunction\.mjs to hold .* found 0 times/,
    );
  });

  it("and a copy that is in step passes", () => {
    expect(driftOf(bob, original, copy)).toBeUndefined();
  });
});
