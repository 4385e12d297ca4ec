import { spawnSync } from "node:child_process";
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { tempFolder } from "../helpers/tempFolder.ts";
import { blockName, everyDocBlock, preludes, redirectImports, type CodeBlock } from "../helpers/codeBlocksOf.ts";

/**
 * Every code block of README.md and docs/ type-checks as a user's file would: against the
 * build's declarations (`npm run build` first), under strict NodeNext with skipLibCheck off, with
 * its prelude where it has one. test/docs/codeBlocks.test.ts and test/docs/api.test.ts run them.
 */
const root = new URL("../../", import.meta.url).pathname;
/** The block's imports pointed at the build's twin of each source file. */
const againstBuild = (code: string) => redirectImports(code, (path) => join(root, "dist", path.replace(/\.ts$/, ".js")));

/** A file name that says where the block is, so tsc's errors point at the doc and section. */
const fileOf = (block: CodeBlock, index: number) =>
  `${String(index).padStart(2, "0")}-${blockName(block).replace(/[^A-Za-z0-9]+/g, "-")}.${block.lang === "ts" || block.lang === "typescript" ? "ts" : "mts"}`;

it("every code block of README.md and docs/ type-checks against the build, zero errors", () => {
  const dir = tempFolder("doc-blocks");
  const blocks = everyDocBlock().filter((block) => !block.fragment);
  blocks.forEach((block, index) => {
    // `export {}` makes each block a module of its own, as a user's file is.
    const code = `${preludes[blockName(block)] ?? ""}${block.code}\nexport {};\n`;
    writeFileSync(join(dir, fileOf(block, index)), againstBuild(code));
  });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  const compilerOptions = { target: "ES2022", module: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts", "*.mts"] }));
  // fast-check, vitest and @types/node as a user has them installed beside the package.
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], { encoding: "utf8" });
  expect(blocks.length).toBeGreaterThan(0);
  expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
  expect(tsc.status).toBe(0);
});
