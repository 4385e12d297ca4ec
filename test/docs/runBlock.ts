import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempFolder } from "../helpers/tempFolder.ts";
import type { CodeBlock } from "./codeBlocksOf.ts";
import { settle } from "./vitestNow.ts";

const root = new URL("../../", import.meta.url).pathname;
const packages: Record<string, string> = {
  gradcheck: join(root, "src/index.ts"),
  "gradcheck/properties": join(root, "properties/index.ts"),
  "gradcheck/vitest": join(root, "matchers/index.ts"),
  // A doc's `it(…)` runs its body at once: the block already runs inside a test.
  vitest: join(root, "test/docs/vitestNow.ts"),
};

/**
 * The block's imports pointed at the sources: the package names at their entry points, and a
 * path into src/, properties/ or matchers/ (written from the example or test it was taken from)
 * at the repository's copy.
 */
export function sourcesFor(code: string): string {
  return code.replace(/((?:from|import) )"([^"]+)"/g, (all, keyword: string, name: string) => {
    const inRepo = /^(?:\.\.\/)+((?:src|properties|matchers)\/.+)$/.exec(name)?.[1];
    const path = packages[name] ?? (inRepo ? join(root, inRepo) : undefined);
    return path ? `${keyword}${JSON.stringify(path)}` : all;
  });
}

/** Runs a block (after `prelude`, which declares what the block takes as given) as a module. */
export async function runBlock(block: Pick<CodeBlock, "code" | "lang">, prelude = ""): Promise<void> {
  const file = join(tempFolder("doc-block"), /^(js|javascript|mjs)$/.test(block.lang) ? "block.mjs" : "block.ts");
  writeFileSync(file, sourcesFor(`${prelude}${block.code}`));
  await import(file);
  await settle();
}
