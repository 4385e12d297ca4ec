#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through `prepare`).
import { existsSync } from "node:fs";

const entry = new URL("../dist/src/cli/run.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("gradcheck: the compiled files are missing (dist/); run `npm run build` in the gradcheck folder\n");
  process.exit(2);
}
await import(entry.href);
