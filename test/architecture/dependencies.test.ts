import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/**
 * The direction of dependencies, lowest first. A file in src/ may import from its own folder
 * and from folders of a strictly lower tier, never upward and never sideways: that is what
 * keeps `numeric` and `check` usable on plain functions, and the network code free of
 * submissions and reports. A new folder must be placed here before anything may import it.
 */
const tiers: readonly (readonly string[])[] = [
  ["linalg", "numeric", "data"],
  ["tape"],
  ["check", "network"],
  ["backprop", "caseio", "fdnet"],
  ["mistakes", "methods.ts"],
  ["sandbox"],
  ["judge", "train"],
  ["report"],
  ["grade"],
  ["cli"],
];
const tierOf = new Map(tiers.flatMap((names, rank) => names.map((n) => [n, rank] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|cjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)];
  return found.map((m) => m[1]!);
}

/** The top-level unit of src/ a path belongs to: a folder name, or a file name at the top. */
function unitOf(pathInSrc: string): string {
  return pathInSrc.split("/")[0]!;
}

const srcFiles = sourceFiles(join(root, "src"));

describe("dependencies point one way", () => {
  it("src/ never imports properties/ or test/", () => {
    const upward = srcFiles.flatMap((file) =>
      importsOf(file)
        .map((spec) => relative(root, join(file, "..", spec)))
        .filter((target) => !target.startsWith("src/"))
        .map((target) => `${relative(root, file)} imports ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("every folder of src/ has a place in the order", () => {
    const units = new Set(
      srcFiles.map((f) => unitOf(relative(join(root, "src"), f))).filter((u) => u !== "index.ts" && u !== "onDemand.ts"),
    );
    expect([...units].filter((u) => !tierOf.has(u))).toEqual([]);
  });

  it("no folder imports one of its own tier or a higher one", () => {
    const wrong: string[] = [];
    for (const file of srcFiles) {
      const from = unitOf(relative(join(root, "src"), file));
      if (from === "index.ts" || from === "onDemand.ts") continue; // the public API re-exports every layer (some loaded on first call)
      for (const spec of importsOf(file)) {
        const target = relative(join(root, "src"), join(file, "..", spec));
        if (target.startsWith("..")) continue; // reported by the first test
        const to = unitOf(target);
        if (to === from) continue;
        const ok = (tierOf.get(to) ?? Infinity) < (tierOf.get(from) ?? -Infinity);
        if (!ok) wrong.push(`src/${relative(join(root, "src"), file)} (${from}) imports src/${target} (${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("properties/ imports only src/ and itself", () => {
    const wrong = sourceFiles(join(root, "properties")).flatMap((file) =>
      importsOf(file)
        .map((spec) => relative(root, join(file, "..", spec)))
        .filter((target) => !target.startsWith("src/") && !target.startsWith("properties/"))
        .map((target) => `${relative(root, file)} imports ${target}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("the project speaks of itself", () => {
  it("no user-facing file cites a section of a document users do not have", () => {
    const files = ["src", "properties", "matchers", "docs", "examples", "bin"].flatMap((d) =>
      readdirSync(join(root, d), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    );
    const citing = [...files, join(root, "README.md")].filter((f) => /CONTRACT|SEED §/.test(readFileSync(f, "utf8")));
    expect(citing.map((f) => relative(root, f))).toEqual([]);
  });
});
