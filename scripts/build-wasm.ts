// Regenerates src/linalg/gemmWasmBytes.ts from src/linalg/gemm.wat and gemmRelaxed.wat
// (`npm run build:wasm`). The bytes are committed so that installing gradcheck needs no
// assembler; a test checks that they still match the .wat files.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileWat } from "./compileWat.ts";

const source = (name: string) => fileURLToPath(new URL(`../src/linalg/${name}`, import.meta.url));
const out = source("gemmWasmBytes.ts");
const plain = await compileWat(source("gemm.wat"));
const relaxed = await compileWat(source("gemmRelaxed.wat"));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
writeFileSync(
  out,
  `// Generated from gemm.wat and gemmRelaxed.wat by scripts/build-wasm.ts; do not edit.\n` +
    `export const gemmWasmBase64 =\n  "${base64(plain)}";\n` +
    `export const gemmRelaxedWasmBase64 =\n  "${base64(relaxed)}";\n`,
);
console.log(`wrote ${plain.length} + ${relaxed.length} bytes of WebAssembly`);
