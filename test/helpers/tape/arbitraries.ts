import fc from "fast-check";
import { matrix, type Matrix } from "../../../src/linalg/Matrix.ts";

/** Fixed seeds: CI replays exactly the same cases; a failure prints its seed and path anyway. */
export const runs = (seed: number, numRuns = 60): fc.Parameters<unknown> => ({ seed, numRuns });

const steps = 2 ** 31 - 1;

/**
 * Uniform in [min, max]. (fc.double favours 0, subnormals and the bounds: values of 1e-120
 * make every product vanish below the tolerance, and a wrong rule passes.) Shrinks to min.
 */
export function doubles(min: number, max: number): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: 0, max: steps })).map((i) => min + (max - min) * (i / steps));
}

export function matrixOf(rows: number, cols: number, min = -2, max = 2): fc.Arbitrary<Matrix> {
  return fc.array(doubles(min, max), { minLength: rows * cols, maxLength: rows * cols }).map((xs) => matrix(rows, cols, xs));
}

export const dim = fc.integer({ min: 1, max: 4 });

/**
 * An upstream gradient: random entries, never all ones. (With all ones, Ȳ·B and Ȳ·Bᵀ have the
 * same row sums in many shapes and a missing transpose can pass.)
 */
export function upstream(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return matrixOf(rows, cols, -2, 2);
}

/** |a − b| ≤ tol·max(1, |b|) */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}
