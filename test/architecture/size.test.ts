import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAst } from "rolldown/parseAst";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** A function fits a screen: past this it wants named steps, or a comment saying why not. */
const functionBudget = 40;

/** The word that opens a function's stated reason for being longer, in its leading comment. */
const reasonMarker = /^\s*(?:\/\/|\/\*\*?|\*)\s*Long because:/m;

/** A file holds one concept: past this it is usually two. The median file is about 50 lines. */
const fileBudget = 300;

/** Files allowed past the budget, each with why one file is still the right home. */
const longFiles: Readonly<Record<string, string>> = {
  "src/sandbox/childImplementation.ts":
    "one child process: its spawn, line reader, answer waits and kill paths share one state (restarts are startChild.ts)",
  "src/judge/checkImplementation.ts": "the submission checker's pipeline, each step a named function beside it",
  "src/numeric/estimateEntry.ts": "one entry's step sweep, extrapolation and error model read as one derivation",
  "src/judge/Assignment.ts": "the assignment type, its parser and its validation messages in one vocabulary",
  "src/check/compareGradients.ts": "named steps of one comparison, kept beside each other as a model",
  "src/fdnet/networkIncrements.ts": "the hot increment kernels and their generic fallback, measured together",
};

interface FunctionSpan {
  readonly name: string;
  readonly firstLine: number;
  readonly lines: number;
}

interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).type === "string";
}

/** The name a function is known by: its own, or the variable, property or method it is bound to. */
function bindingName(node: AstNode): string | undefined {
  const named = (node.id ?? node.key) as { name?: unknown } | undefined;
  return typeof named?.name === "string" ? named.name : undefined;
}

/** Every function in a file, nested ones included (an outer function's lines include them). */
function functionsOf(text: string, lang: "ts" | "js"): FunctionSpan[] {
  const lineStarts = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
  const lineOf = (offset: number) => 1 + lineStarts.filter((s) => s <= offset).length;
  const spans: FunctionSpan[] = [];
  const visit = (value: unknown, name: string | undefined): void => {
    if (Array.isArray(value)) return value.forEach((child) => visit(child, name));
    if (!isNode(value)) return;
    const own = bindingName(value) ?? name;
    const isFunction = /Function(Declaration|Expression)$/.test(value.type) && value.body !== null;
    if (isFunction) {
      const firstLine = lineOf(value.start);
      spans.push({ name: own ?? "(anonymous)", firstLine, lines: lineOf(value.end) - firstLine + 1 });
    }
    for (const [key, child] of Object.entries(value)) if (key !== "type") visit(child, isFunction ? undefined : own);
  };
  visit(parseAst(text, { lang }).body, undefined);
  return spans;
}

/** The comment lines directly above a line (a signature's first line shares its comment). */
function leadingComment(lines: readonly string[], firstLine: number): string {
  const above: string[] = [];
  for (let i = firstLine - 2; i >= 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[i]!); i--) above.unshift(lines[i]!);
  return above.join("\n");
}

function longFunctions(): string[] {
  return sourceFiles(join(root, "src")).flatMap((file) => {
    const text = readFileSync(join(root, file), "utf8");
    const lines = text.split("\n");
    return functionsOf(text, file.endsWith(".mjs") ? "js" : "ts")
      .filter((f) => f.lines > functionBudget && !reasonMarker.test(leadingComment(lines, f.firstLine)))
      .map((f) => `${file} ${f.name}`);
  });
}

function lineCount(file: string): number {
  return readFileSync(join(root, file), "utf8").replace(/\n$/, "").split("\n").length;
}

describe("size budget", () => {
  it(`no function in src/ is over ${functionBudget} lines without a stated reason`, () => {
    expect(longFunctions()).toEqual([]);
  });

  it(`no file in src/ is over ${fileBudget} lines but the named exceptions`, () => {
    const over = sourceFiles(join(root, "src")).filter((f) => lineCount(f) > fileBudget && !(f in longFiles));
    expect(over).toEqual([]);
  });

  it("every exception is still needed, so the list only shrinks", () => {
    expect(Object.keys(longFiles).filter((f) => lineCount(f) <= fileBudget)).toEqual([]);
  });

  it("the measure sees what it should: a long function, its name and its stated reason", () => {
    const body = Array.from({ length: functionBudget }, (_, i) => `  const x${i} = ${i};`).join("\n");
    const source = `export const f = (a: number) => {\n${body}\n};\n// Long because: one table.\nfunction g() {\n${body}\n}\n`;
    const spans = functionsOf(source, "ts");
    expect(spans.map((s) => [s.name, s.lines])).toEqual([
      ["f", functionBudget + 2],
      ["g", functionBudget + 2],
    ]);
    const lines = source.split("\n");
    expect(spans.map((s) => reasonMarker.test(leadingComment(lines, s.firstLine)))).toEqual([false, true]);
  });
});
