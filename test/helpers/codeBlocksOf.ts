import { readdirSync, readFileSync } from "node:fs";

/** A fenced block of TypeScript or JavaScript in a doc, titled by the heading above it. */
export interface CodeBlock {
  doc: string;
  lang: string;
  /** The heading above it, numbered when a section has several blocks. */
  title: string;
  code: string;
  /** Why the block cannot run, from a `<!-- fragment: reason -->` line just above its fence. */
  fragment?: string;
}

const fence = /^(#{2,3}) (.+)$|^(?:<!-- fragment: (.+) -->\n)?```(ts|typescript|js|javascript|mjs)\n([\s\S]*?)^```/gm;

/** Every ```ts, ```typescript and ```js block of a doc; shell, JSON and output blocks are not code. */
export function codeBlocksOf(doc: string, text: string): CodeBlock[] {
  let heading = doc;
  const blocks: CodeBlock[] = [];
  for (const [, , title, fragment, lang, code] of text.matchAll(fence)) {
    if (title !== undefined) {
      heading = title;
      continue;
    }
    const same = blocks.filter((b) => b.title === heading || b.title.startsWith(`${heading} (`)).length;
    blocks.push({ doc, lang: lang!, title: same ? `${heading} (${same + 1})` : heading, code: code!, ...(fragment ? { fragment } : {}) });
  }
  return blocks;
}

const root = new URL("../../", import.meta.url);

/** Every code block of README.md and docs/*.md, in reading order. */
export function everyDocBlock(): CodeBlock[] {
  const docs = readdirSync(new URL("docs/", root))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs].flatMap((doc) => codeBlocksOf(doc, readFileSync(new URL(doc, root), "utf8")));
}

/** How a block is named in tests and preludes. */
export const blockName = (block: CodeBlock) => `${block.doc} › ${block.title}`;

/** What a block takes as given, by its name: the smallest setup that makes it run. */
export const preludes: Record<string, string> = {
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

const entryPoints: Record<string, string> = {
  gradcheck: "src/index.ts",
  "gradcheck/properties": "properties/index.ts",
  "gradcheck/vitest": "matchers/index.ts",
};

/**
 * A block's imports of the package, and its relative paths into src/, properties/ or matchers/
 * (written from the example or test it was taken from), pointed at `to(path in the repository)`:
 * the sources or the build. `replaced` names modules swapped whole.
 */
export function redirectImports(code: string, to: (path: string) => string, replaced: Record<string, string> = {}): string {
  return code.replace(/((?:from|import) )"([^"]+)"/g, (all, keyword: string, name: string) => {
    const inRepo = entryPoints[name] ?? /^(?:\.\.\/)+((?:src|properties|matchers)\/.+)$/.exec(name)?.[1];
    const path = replaced[name] ?? (inRepo ? to(inRepo) : undefined);
    return path ? `${keyword}${JSON.stringify(path)}` : all;
  });
}
