#!/usr/bin/env node
// The TypeScript sources run as they are, through tsx's loader: nothing to build after `npm ci`.
import { setFlagsFromString } from "node:v8";
import { register } from "tsx/esm/api";

register();
// Fused multiply-add for the matrix kernel needs WebAssembly relaxed SIMD, on by default from
// Node 22; Node 20 compiles it once this V8 flag is set, before the first product. The flag is
// process-wide, so only the command line sets it: importing gradcheck as a library does not.
const { relaxedSimdAccepted } = await import("../src/linalg/simdGemm.ts");
if (!relaxedSimdAccepted()) setFlagsFromString("--experimental-wasm-relaxed-simd");
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
