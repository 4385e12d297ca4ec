// The build's second step: tsc emits only what it compiles, so every other file under src/ (the
// module harness that runs in a submission's child process, the Octave adapter, the seccomp
// filter, the rubric schema, the built-in reference cases, …) is copied beside the JavaScript
// that finds it relative to itself. The rule is "everything that is not TypeScript", so a new
// kind of asset needs no entry here. Files named `*.fromSource.*` exist only for running from
// the TypeScript sources (they load tsx) and stay out: nothing in dist/ needs a loader.
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

const from = new URL("../src/", import.meta.url).pathname;
const to = new URL("../dist/src/", import.meta.url).pathname;

/** Is this file under src/ something the compiled package reads at run time? */
export function isAsset(name) {
  return !/\.(m|c)?tsx?$/.test(name) && !name.includes(".fromSource.");
}

export function copyAssets() {
  let copied = 0;
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !isAsset(entry.name)) continue;
    const source = join(entry.parentPath, entry.name);
    cpSync(source, join(to, source.slice(from.length)));
    copied++;
  }
  if (copied === 0) throw new Error("copy-assets: no assets found under src/: is the script in the right place?");
  return copied;
}

if (import.meta.url === `file://${process.argv[1]}`) copyAssets();
