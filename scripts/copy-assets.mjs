// The build's second step: tsc emits only what it compiles, so the files src/ reads at run time
// (the module harness that runs in a submission's child process, the built-in reference cases)
// are copied beside the JavaScript that finds them relative to itself.
import { cpSync, readdirSync } from "node:fs";
import { extname, join } from "node:path";

const assets = new Set([".mjs", ".cjs", ".js", ".json", ".wasm"]);
const from = new URL("../src/", import.meta.url).pathname;
const to = new URL("../dist/src/", import.meta.url).pathname;

let copied = 0;
for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !assets.has(extname(entry.name))) continue;
  const source = join(entry.parentPath, entry.name);
  cpSync(source, join(to, source.slice(from.length)));
  copied++;
}
if (copied === 0) throw new Error("copy-assets: no assets found under src/: is the script in the right place?");
