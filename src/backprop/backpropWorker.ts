import { parentPort } from "node:worker_threads";
import { matchKernel } from "../linalg/gemm.ts";
import { chunkDeltas, withWeightsTransposed } from "./batch.ts";
import { chunkRanges, rowsOf } from "./chunks.ts";
import { jobProblem, type Job } from "./job.ts";

/**
 * Takes chunk indices from the shared counter until none are left, writing each chunk's loss
 * sum and Δ's into its own slot of the output: which thread did which chunk never matters.
 */
parentPort?.on("message", (job: Job) => {
  try {
    const next = new Int32Array(job.counter);
    matchKernel(job.fused);
    const { problem, theta } = jobProblem(job);
    const ranges = chunkRanges(problem.X.rows);
    const out = new Float64Array(job.output);
    withWeightsTransposed(problem, theta, (weightsT) => {
      for (let c = Atomics.add(next, 0, 1); c < ranges.length; c = Atomics.add(next, 0, 1)) {
        const [from, to] = ranges[c];
        const part = chunkDeltas(problem, theta, rowsOf(problem.X, from, to), rowsOf(problem.Y, from, to), { weightsT });
        let at = c * job.slot;
        out[at++] = part.lossSum;
        for (const D of part.Delta) {
          out.set(D.data, at);
          at += D.data.length;
        }
      }
    });
    parentPort?.postMessage({ done: true });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
