import { PNG } from "pngjs";

/** A greyscale PNG as a data URI: values in [0, 1] row by row, 1 drawn black (ink on paper). */
export function grayPngDataUri(values: ArrayLike<number>, width: number, height: number): string {
  if (values.length !== width * height)
    throw new RangeError(`a ${width}×${height} image needs ${width * height} values, got ${values.length}`);
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  const data = Buffer.alloc(width * height);
  for (let q = 0; q < data.length; q++) data[q] = Math.round(255 * (1 - Math.min(1, Math.max(0, values[q]))));
  png.data = data;
  return `data:image/png;base64,${PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false }).toString("base64")}`;
}

/** Weights as grey levels: 0 mid-grey, the unit's largest |w| black (positive) or white (negative). */
export function weightsAsGray(w: ArrayLike<number>): Float64Array {
  let big = 0;
  for (let q = 0; q < w.length; q++) big = Math.max(big, Math.abs(w[q]));
  const out = new Float64Array(w.length);
  for (let q = 0; q < w.length; q++) out[q] = big === 0 ? 0.5 : 0.5 + (0.5 * w[q]) / big;
  return out;
}
