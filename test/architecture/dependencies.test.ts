import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { tierOf, tiers } from "../helpers/tiers.ts";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|cjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Relative specifiers of static imports, re-exports and dynamic imports, `import type` and `typeof import(…)` included. */
function specifiersIn(text: string): string[] {
  const found = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)];
  return found.map((m) => m[1]!);
}

const importsOf = (file: string) => specifiersIn(readFileSync(file, "utf8"));

/** The top-level unit of src/ a path belongs to: a folder name, or a file name at the top. */
function unitOf(pathInSrc: string): string {
  return pathInSrc.split("/")[0]!;
}

const srcFiles = sourceFiles(join(root, "src"));

/** Cycles allowed by name: none is left; a new one fails the test below. */
const knownCycleFiles = new Set<string>();

/** The strongly connected components of more than one node (Tarjan): every import cycle, as its files. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of (graph.get(v) ?? []).filter((t) => graph.has(t))) {
      if (!index.has(w)) visit(w);
      if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, low.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = stack.splice(stack.indexOf(v));
    if (component.length > 1) cycles.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

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

  it("no file imports one that imports it back, not even for a type", () => {
    const graph = new Map(srcFiles.map((f) => [f, importsOf(f).map((spec) => join(f, "..", spec))]));
    const cycles = cyclesOf(graph)
      .map((c) => c.map((f) => relative(join(root, "src"), f)).sort())
      .filter((c) => !c.every((f) => knownCycleFiles.has(f)));
    expect(cycles).toEqual([]);
  });

  it("a type-only import counts as an import", () => {
    const source =
      'import type { A } from "../judge/A.ts";\nexport type B = typeof import("../grade/B.ts");\nimport { type C } from "./C.ts";\n';
    expect(specifiersIn(source)).toEqual(["../judge/A.ts", "../grade/B.ts", "./C.ts"]);
  });

  it("the cycle finder finds a planted cycle, a type-only one included", () => {
    const planted = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cyclesOf(planted).map((c) => c.sort())).toEqual([["a", "b", "c"]]);
    expect(
      cyclesOf(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("the folders that read or write files are the ones the tier list says, each with its reason", () => {
    const touching = new Set(
      srcFiles
        .filter((f) => /\bfrom\s*["']node:fs(\/promises)?["']/.test(readFileSync(f, "utf8")))
        .map((f) => unitOf(relative(join(root, "src"), f))),
    );
    const declared = tiers.flat().filter((u) => u.files !== undefined);
    expect([...touching].sort()).toEqual(declared.map((u) => u.name).sort());
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
