import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempFolder } from "./tempFolder.ts";
import { redirectImports, type CodeBlock } from "./codeBlocksOf.ts";
import { settle } from "./vitestNow.ts";

const root = new URL("../../", import.meta.url).pathname;

/** The block's imports pointed at the sources; a doc's `it(…)` runs its body at once (./vitestNow.ts). */
export const sourcesFor = (code: string) =>
  redirectImports(code, (path) => join(root, path), { vitest: join(root, "test/helpers/vitestNow.ts") });

/** Runs a block (after `prelude`, which declares what the block takes as given) as a module. */
export async function runBlock(block: Pick<CodeBlock, "code" | "lang">, prelude = ""): Promise<void> {
  const file = join(tempFolder("doc-block"), /^(js|javascript|mjs)$/.test(block.lang) ? "block.mjs" : "block.ts");
  writeFileSync(file, sourcesFor(`${prelude}${block.code}`));
  await import(file);
  await settle();
}
