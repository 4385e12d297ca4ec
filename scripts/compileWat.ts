import { readFileSync } from "node:fs";
import wabtInit from "wabt";

/** Assembles a .wat file (SIMD and relaxed SIMD enabled) into WebAssembly bytes. */
export async function compileWat(path: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(path, readFileSync(path, "utf8"), { simd: true, relaxed_simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
