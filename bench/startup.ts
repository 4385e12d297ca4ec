import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { runtimePackages } from "../src/grade/runtimePackages.ts";
import { fileURLToPath } from "node:url";
import { medianMs } from "./measure.ts";
import type { BenchSection } from "./section.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = root + "bin/gradcheck.mjs";

/** Wall time of whole commands, as a user starts them, against a bare `node -e 0` on the same machine. */
export async function startupBench(): Promise<BenchSection> {
  if (!existsSync(root + "dist/src/cli/run.js")) throw new Error("startup: build first (`npm run build`); the bin runs dist/");
  const time = (args: string[]) => medianMs(() => spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" }), 7, 1);
  const bare = await time(["-e", "0"]);
  const commands: [string, string[]][] = [
    ["node -e 0", ["-e", "0"]],
    ["gradcheck --version", [bin, "--version"]],
    ["gradcheck help", [bin, "help"]],
    ["import('gradcheck')", ["--input-type=module", "-e", `await import(${JSON.stringify(root + "dist/src/index.js")})`]],
    ["gradcheck eval small-017", [bin, "eval", "src/data/reference/small-017.json"]],
    ["gradcheck check examples/correct", [bin, "check", "examples/correct"]],
  ];
  const rows = [];
  for (const [label, args] of commands) {
    const ms = label === "node -e 0" ? bare : await time(args);
    rows.push({ label, ms, extra: `${(ms / bare).toFixed(1)}× node -e 0` });
  }
  const installed = runtimePackages(root);
  const megabytes = installed.reduce((sum, p) => sum + bytesUnder(p.dir), 0) / 1e6;
  return {
    title: "Start-up: whole commands",
    rows,
    notes: [
      `Install: ${installed.length} runtime packages, ${megabytes.toFixed(1)} MB on disk (what \`npm install gradcheck\` adds besides gradcheck itself; the autograder packs the same).`,
      "Each command is a fresh process running the compiled bin (dist/), median of 7 after one warm-up.",
      "Goals: `help` ≤ 4× a bare Node start; `import('gradcheck')` ≤ 2× (the checking core alone: checking submissions, grading and HTML reports load on first call, and no npm package loads with the import); `check examples/correct` (100 networks in a sandboxed child) ≤ 1.5 s in all.",
      "Each verb is imported only when it runs; mathjs (the BigNumber oracle) only by `eval --method fd-bignumber`.",
      "`check` probes the sandbox and starts its child before importing the judge, which loads while the child boots; (b)'s points of J reach a module submission in one batch per case.",
    ],
  };
}

/** Bytes of the files under dir, its own nested node_modules included (they are installed too). */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}
