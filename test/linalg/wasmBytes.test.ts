import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gemmRelaxedWasmBase64, gemmWasmBase64, sigmoidWasmBase64 } from "../../src/linalg/wasmBytes.ts";
import { compileWat } from "../../scripts/compileWat.ts";

const source = (name: string) => fileURLToPath(new URL(`../../src/linalg/${name}`, import.meta.url));
const moduleText = (name: string) => {
  const text = readFileSync(source(name), "utf8");
  return text.slice(text.indexOf("(module"));
};

describe("the committed WebAssembly kernels", () => {
  it.each([
    ["gemm.wat", gemmWasmBase64],
    ["gemmRelaxed.wat", gemmRelaxedWasmBase64],
    ["sigmoid.wat", sigmoidWasmBase64],
  ])("%s assembles to exactly the committed bytes (run `npm run build:wasm` after editing it)", async (name, committed) => {
    const bytes = await compileWat(source(name));
    expect(Buffer.from(bytes).toString("base64")).toBe(committed);
  });

  it("gemmRelaxed.wat is gemm.wat with each multiply-then-add fused, and nothing else changed", () => {
    const fused = moduleText("gemm.wat").replace(
      /\(f64x2\.add \(local\.get (\$c\d\d)\) \(f64x2\.mul \(local\.get (\$x\d)\) \(local\.get (\$y\d)\)\)\)/g,
      "(f64x2.relaxed_madd (local.get $2) (local.get $3) (local.get $1))",
    );
    expect(fused).not.toBe(moduleText("gemm.wat"));
    expect(moduleText("gemmRelaxed.wat")).toBe(fused);
  });
});
