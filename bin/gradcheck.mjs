#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through `prepare`).
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

const dist = new URL("../dist/src/", import.meta.url);
const entry = new URL("cli/run.js", dist);
if (!existsSync(entry)) {
  process.stderr.write("gradcheck: the compiled files are missing (dist/); run `npm run build` in the gradcheck folder\n");
  process.exit(2);
}
// Fused multiply-add for the matrix kernel needs WebAssembly relaxed SIMD, on by default from
// Node 22; Node 20 compiles it once this V8 flag is set, before the first product. The flag is
// process-wide, so only the command line sets it: importing gradcheck as a library does not.
const { relaxedSimdAccepted } = await import(new URL("linalg/simdGemm.js", dist).href);
if (!relaxedSimdAccepted()) setFlagsFromString("--experimental-wasm-relaxed-simd");
await import(entry.href);
