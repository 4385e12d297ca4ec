import { readFileSync } from "node:fs";
import wabtInit from "wabt";

/** Assembles a .wat file (SIMD and relaxed SIMD enabled) into WebAssembly bytes. */
export async function compileWat(path: string): Promise<Uint8Array> {
  return compileWatText(path, readFileSync(path, "utf8"));
}

/** Assembles WebAssembly text (named `name` in errors) into bytes. */
export async function compileWatText(name: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(name, text, { simd: true, relaxed_simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
