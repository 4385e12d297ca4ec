import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blockName, codeBlocksOf, everyDocBlock, preludes, type CodeBlock } from "../helpers/codeBlocksOf.ts";
import { runBlock, sourcesFor } from "../helpers/runBlock.ts";

/**
 * Every ```ts, ```typescript and ```js block of README.md and docs/*.md runs against the sources,
 * so an example that drifts from the API fails here. docs/api.md's and docs/checker.md's ```ts
 * blocks run in test/docs/api.test.ts. A block that uses names it does not define gets them from
 * a prelude (test/helpers/codeBlocksOf.ts); one that cannot run at all is marked
 * `<!-- fragment: reason -->` in its doc, and the reason stands in its skipped test's title.
 * test/docs/codeBlocks.e2e.test.ts type-checks every block against the build.
 */
const runInApiTest = (block: CodeBlock) => ["docs/api.md", "docs/checker.md"].includes(block.doc) && block.lang === "ts";
const blocks = everyDocBlock().filter((b) => !runInApiTest(b));

describe("every code block of README.md and docs/ runs", () => {
  for (const block of blocks) {
    const name = blockName(block);
    if (block.fragment) it.skip(`${name} [fragment: ${block.fragment}]`, () => {});
    else it(name, () => runBlock(block, preludes[name]));
  }
});

describe("the docs test itself", () => {
  it("finds every block: as many as there are opening fences of a code language", () => {
    const root = new URL("../../", import.meta.url);
    const docs = ["README.md", ...readdirSync(new URL("docs/", root)).map((name) => `docs/${name}`)].filter((doc) => doc.endsWith(".md"));
    const fences = docs.flatMap((doc) => readFileSync(new URL(doc, root), "utf8").match(/^```(ts|typescript|js|javascript|mjs)$/gm) ?? []);
    expect(everyDocBlock().length).toBe(fences.length);
    expect(blocks.filter((b) => b.doc === "README.md").length).toBeGreaterThanOrEqual(2);
  });

  it("has no prelude for a block that no longer exists", () => {
    const names = new Set(blocks.map(blockName));
    expect(Object.keys(preludes).filter((name) => !names.has(name))).toEqual([]);
  });

  it("fails a block that calls a name the package does not export (planted)", async () => {
    await expect(runBlock({ lang: "ts", code: 'import { noSuchCheck } from "gradcheck";\nnoSuchCheck();\n' })).rejects.toThrow();
  });

  it("fails a block whose it(…) body fails (planted)", async () => {
    const code = 'import { it, expect } from "vitest";\nit("planted", () => expect(1).toBe(2));\n';
    await expect(runBlock({ lang: "ts", code })).rejects.toThrow(/expected 1 to be 2/);
  });

  it("points package names and paths into the repository at the sources", () => {
    const code = 'import { a } from "gradcheck";\nimport { b } from "../../properties/index.ts";\nimport c from "fast-check";\n';
    const root = new URL("../../", import.meta.url).pathname;
    expect(sourcesFor(code)).toBe(
      `import { a } from "${root}src/index.ts";\nimport { b } from "${root}properties/index.ts";\nimport c from "fast-check";\n`,
    );
  });

  it("reads a fragment's reason from the line above its fence", () => {
    const [block] = codeBlocksOf("x.md", "## A\n<!-- fragment: needs a GPU -->\n```ts\ngpu();\n```\n");
    expect(block).toMatchObject({ title: "A", fragment: "needs a GPU", code: "gpu();\n" });
  });
});
