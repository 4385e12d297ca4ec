import type { Matrix } from "../linalg/Matrix.ts";
import type { Problem, Theta } from "../network/Network.ts";
import { thetaShapes } from "../network/theta.ts";

/** What a worker thread needs to take chunks of one batch gradient. */
export interface Job {
  /** everything of the problem but X and Y: layer sizes, activations, cost, λ */
  readonly network: Omit<Problem, "X" | "Y">;
  readonly m: number;
  /** X, Y, Θ⁽¹⁾, Θ⁽²⁾, … back to back, row-major */
  readonly data: SharedArrayBuffer;
  /** one Int32: the next chunk to take */
  readonly counter: SharedArrayBuffer;
  /** per chunk, `slot` doubles: its loss sum, then its Δ⁽¹⁾, Δ⁽²⁾, … */
  readonly output: SharedArrayBuffer;
  readonly slot: number;
  readonly fused: boolean;
}

/**
 * A job for the problem, in the shared buffers of `reuse` where they are large enough: a fresh
 * buffer of a big batch costs a page fault per 4 KB on first touch, which can exceed the copy.
 */
export function makeJob(problem: Problem, theta: Theta, chunks: number, fused: boolean, reuse?: Job): Job {
  const { X, Y, ...network } = problem;
  const sizes = [X.data.length, Y.data.length, ...theta.map((T) => T.data.length)];
  const slot = 1 + sizes.slice(2).reduce((n, s) => n + s, 0);
  const buffer = (bytes: number, old?: SharedArrayBuffer) => (old && old.byteLength >= bytes ? old : new SharedArrayBuffer(bytes));
  const data = buffer(8 * sizes.reduce((n, s) => n + s, 0), reuse?.data);
  const all = new Float64Array(data);
  let at = 0;
  for (const part of [X.data, Y.data, ...theta.map((T) => T.data)]) {
    all.set(part, at);
    at += part.length;
  }
  return { network, m: X.rows, data, counter: new SharedArrayBuffer(4), output: buffer(8 * slot * chunks, reuse?.output), slot, fused };
}

/** The problem and Θ as views over the job's shared data (nothing copied). */
export function jobProblem(job: Job): { problem: Problem; theta: Theta } {
  const { layerSizes } = job.network;
  const all = new Float64Array(job.data);
  let at = 0;
  const take = (rows: number, cols: number): Matrix => {
    const M = { rows, cols, data: all.subarray(at, at + rows * cols) };
    at += rows * cols;
    return M;
  };
  const X = take(job.m, layerSizes[0]),
    Y = take(job.m, layerSizes[layerSizes.length - 1]);
  const theta = thetaShapes(layerSizes).map(([r, c]) => take(r, c));
  return { problem: { ...job.network, X, Y }, theta };
}
