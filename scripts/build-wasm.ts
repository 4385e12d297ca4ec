// Regenerates src/linalg/wasmBytes.ts from the kernels' .wat files in src/linalg
// (`npm run build:wasm`). The bytes are committed so that installing gradcheck needs no
// assembler; a test checks that they still match the .wat files.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileWat } from "./compileWat.ts";

/** Each committed kernel: its exported constant and the .wat it is assembled from. */
const kernels = [
  ["gemmWasmBase64", "gemm.wat"],
  ["gemmRelaxedWasmBase64", "gemmRelaxed.wat"],
  ["sigmoidWasmBase64", "sigmoid.wat"],
] as const;

const source = (name: string) => fileURLToPath(new URL(`../src/linalg/${name}`, import.meta.url));
let text = `// Generated from ${kernels.map(([, file]) => file).join(", ")} by scripts/build-wasm.ts; do not edit.\n`;
let total = 0;
for (const [name, file] of kernels) {
  const bytes = await compileWat(source(file));
  total += bytes.length;
  text += `export const ${name} =\n  "${Buffer.from(bytes).toString("base64")}";\n`;
}
writeFileSync(source("wasmBytes.ts"), text);
console.log(`wrote ${total} bytes of WebAssembly in ${kernels.length} kernels`);
