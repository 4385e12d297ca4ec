// Regenerates src/linalg/gemmWasmBytes.ts from src/linalg/gemm.wat (`npm run build:wasm`).
// The bytes are committed so that installing gradcheck needs no assembler; a test checks
// that they still match the .wat.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileWat } from "./compileWat.ts";

const wat = fileURLToPath(new URL("../src/linalg/gemm.wat", import.meta.url));
const out = fileURLToPath(new URL("../src/linalg/gemmWasmBytes.ts", import.meta.url));
const bytes = await compileWat(wat);
writeFileSync(
  out,
  `// Generated from gemm.wat by scripts/build-wasm.ts; do not edit.\n` +
    `export const gemmWasmBase64 =\n  "${Buffer.from(bytes).toString("base64")}";\n`,
);
console.log(`wrote ${bytes.length} bytes of WebAssembly`);
