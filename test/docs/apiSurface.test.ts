import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The public API is fenced: each entry point exports exactly the names docs/api.md lists under
 * "Every export", values in one column and types in the other. A name exported but not listed
 * is an internal that leaked; a name listed but not exported is a doc that lies.
 */
const root = join(import.meta.dirname, "../..");
const entries = [
  { name: "gradcheck", file: "src/index.ts" },
  { name: "gradcheck/properties", file: "properties/index.ts" },
  { name: "gradcheck/vitest", file: "matchers/index.ts" },
] as const;

interface Surface {
  readonly values: string[];
  readonly types: string[];
}

/** The names an entry's source exports: `export { a, type B as C } from …`, `export interface D`, `export type E =`. */
function exportsOf(source: string): Surface {
  const values: string[] = [],
    types: string[] = [];
  for (const [, typeOnly, list] of source.matchAll(/^export\s+(type\s+)?\{([^}]*)\}/gm))
    for (const part of list!
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const name = part
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      (typeOnly || part.startsWith("type ") ? types : values).push(name);
    }
  for (const [, name] of source.matchAll(/^export\s+(?:interface|type)\s+(\w+)/gm)) types.push(name!);
  for (const [, name] of source.matchAll(/^export\s+(?:const|function|class|async function)\s+(\w+)/gm)) values.push(name!);
  return { values: values.sort(), types: types.sort() };
}

/** The names docs/api.md lists for an entry: the table under "### `entry`" in "## Every export". */
function documentedOf(doc: string, entry: string): Surface {
  const section = doc.slice(doc.indexOf("## Every export"));
  const start = section.indexOf(`### \`${entry}\``);
  if (start < 0) return { values: [], types: [] };
  const rest = section.slice(start).split("\n").slice(1);
  const end = rest.findIndex((line) => line.startsWith("#"));
  const rows = (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.startsWith("|") && !/^\|[-| ]+\|$/.test(l)).slice(1);
  const namesIn = (cell: string) => [...cell.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
  const cells = rows.map((row) => row.split("|").slice(1, -1));
  return {
    values: cells.flatMap((c) => namesIn(c.at(-2)!)).sort(),
    types: cells.flatMap((c) => namesIn(c.at(-1)!)).sort(),
  };
}

const doc = readFileSync(join(root, "docs/api.md"), "utf8");

describe("every export is documented, and nothing else", () => {
  it.each(entries)("$name", async ({ name, file }) => {
    const declared = exportsOf(readFileSync(join(root, file), "utf8"));
    expect(documentedOf(doc, name)).toEqual(declared);
    // The module itself agrees with the parse, so an export form the parser misses fails here.
    const loaded = Object.keys(await import(join(root, file))).sort();
    expect(loaded).toEqual(declared.values);
  });

  it("the parsers see a planted undocumented export and a planted stale doc line", () => {
    const source = 'export { a, type B } from "./x.ts";\nexport interface C {}\nexport const d = 1;\n';
    const listed = "## Every export\n\n### `m`\n\n| | values | types |\n|---|---|---|\n| x | `a`, `d` | `B` |\n";
    const declared = exportsOf(source);
    expect(declared).toEqual({ values: ["a", "d"], types: ["B", "C"] });
    expect(documentedOf(listed, "m")).not.toEqual(declared);
    expect(documentedOf(listed.replace("`B`", "`B`, `C`"), "m")).toEqual(declared);
  });
});
