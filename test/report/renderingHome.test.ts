import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
const importsOf = (path: string) =>
  [...read(path).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => join(path, "..", m[1]!));

describe("rendering has one home", () => {
  it("the neutralising of a submission's text is a leaf: it imports nothing", () => {
    expect(importsOf("src/report/untrustedText.ts")).toEqual([]);
  });

  it("only bin/ imports the CLI: the matchers and the library render through src/report", () => {
    const outside = ["src", "matchers", "properties"].flatMap(sourceFiles).filter((f) => !f.startsWith("src/cli/"));
    const wrong = outside.filter((f) => importsOf(f).some((target) => target.startsWith("src/cli/")));
    expect(wrong).toEqual([]);
  });

  it("every renderer of a check report is a switch over its outcome", () => {
    const renderers = [
      "src/report/renderCheckReport.ts",
      "src/report/checkMarkdown.ts",
      "src/report/checkJson.ts",
      "src/report/checkJunit.ts",
      "src/report/githubAnnotations.ts",
      "src/report/renderCheckHtml.ts",
      "src/report/checkExitCode.ts",
      "matchers/index.ts",
    ];
    expect(renderers.filter((f) => !/switch \(report\.outcome\)/.test(read(f)))).toEqual([]);
  });
});
