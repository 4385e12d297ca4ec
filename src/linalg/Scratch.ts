import type { Matrix } from "./Matrix.ts";

/**
 * Working matrices reused from one call to the next instead of allocated each time. A batch
 * gradient takes its examples in chunks, and each chunk needs the same z's, a's and δ's as
 * the last: fresh arrays cost a page fault on first touch of every page and then garbage
 * collection, about a tenth of the gradient's time. A matrix from `matrix` is not cleared
 * (whoever takes it writes every entry) and is valid until the same name is taken again.
 */
export class Scratch {
  private readonly buffers = new Map<string, Float64Array>();

  matrix(name: string, rows: number, cols: number): Matrix {
    const length = rows * cols;
    let buffer = this.buffers.get(name);
    if (buffer === undefined || buffer.length < length) {
      buffer = new Float64Array(length);
      this.buffers.set(name, buffer);
    }
    return { rows, cols, data: buffer.length === length ? buffer : buffer.subarray(0, length) };
  }
}
