import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gemmWasmBase64 } from "../../src/linalg/gemmWasmBytes.ts";
import { compileWat } from "../../scripts/compileWat.ts";

describe("the committed WebAssembly kernel", () => {
  it("is exactly what gemm.wat assembles to (run `npm run build:wasm` after editing the .wat)", async () => {
    const bytes = await compileWat(fileURLToPath(new URL("../../src/linalg/gemm.wat", import.meta.url)));
    expect(Buffer.from(bytes).toString("base64")).toBe(gemmWasmBase64);
  });
});
