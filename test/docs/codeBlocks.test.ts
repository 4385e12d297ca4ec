import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { codeBlocksOf, runBlock, sourcesFor, type CodeBlock } from "./codeBlocks.ts";

/**
 * Every ```ts, ```typescript and ```js block of README.md and docs/*.md runs against the sources,
 * so an example that drifts from the API fails here. docs/api.md's and docs/checker.md's ```ts
 * blocks run in test/docs/api.test.ts. A block that uses names it does not define gets them
 * from a prelude below; one that cannot run at all is marked `<!-- fragment: reason -->` in its
 * doc, and the reason stands in its skipped test's title.
 */
const root = new URL("../../", import.meta.url);
const docs = [
  "README.md",
  ...readdirSync(new URL("docs/", root))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const runInApiTest = (block: CodeBlock) => ["docs/api.md", "docs/checker.md"].includes(block.doc) && block.lang === "ts";
const blocks = docs.flatMap((doc) => codeBlocksOf(doc, readFileSync(new URL(doc, root), "utf8"))).filter((b) => !runInApiTest(b));

/** What a block takes as given, by `doc › title`: the smallest setup that makes it run. */
const preludes: Record<string, string> = {
  // "your own comparison": a network, its Θ and the gradient under test, as in docs/api.md.
  "docs/reports.md › Producing them": `
import { batchBackprop, debugInitialTheta, fromRows as fromRowsForPrelude, type Case } from "gradcheck";
const problem = {
  layerSizes: [2, 3, 2], hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy", lambda: 1,
  X: fromRowsForPrelude([[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]]), Y: fromRowsForPrelude([[1, 0], [0, 1], [1, 0]]),
} as unknown as Case;
const theta = debugInitialTheta(problem.layerSizes);
const myGradient = batchBackprop(problem, theta).grad;
`,
};

describe("every code block of README.md and docs/ runs", () => {
  for (const block of blocks) {
    const name = `${block.doc} › ${block.title}`;
    if (block.fragment) it.skip(`${name} [fragment: ${block.fragment}]`, () => {});
    else it(name, () => runBlock(block, preludes[name]));
  }
});

describe("the docs test itself", () => {
  it("finds the blocks of README.md and of docs/", () => {
    expect(blocks.filter((b) => b.doc === "README.md").length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b.doc.startsWith("docs/")).length).toBeGreaterThanOrEqual(2);
  });

  it("has no prelude for a block that no longer exists", () => {
    const names = new Set(blocks.map((b) => `${b.doc} › ${b.title}`));
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
