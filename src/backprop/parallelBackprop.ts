import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { fusedKernelInUse } from "../linalg/gemm.ts";
import { zeros, type Matrix } from "../linalg/Matrix.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { batchBackprop, chunkDeltas, finishGradient, sumInChunkOrder, withWeightsTransposed, type ChunkDeltas } from "./batch.ts";
import { chunkRanges, rowsOf } from "./chunks.ts";
import { makeJob, type Job } from "./job.ts";

export interface ParallelOptions {
  /** threads computing chunks, this one included; 1 (the default) starts no worker */
  readonly threads?: number;
  /**
   * @internal For tests: false leaves every chunk to the workers, so that their part of the
   * sum is seen to be exercised whatever the scheduling. Default true.
   */
  readonly callerTakesChunks?: boolean;
}

/**
 * Below this many multiply-adds per gradient, starting the workers on a batch (copying it into
 * shared memory, two messages per worker) costs more than the second core saves.
 */
const PARALLEL_MIN_WORK = 2e7;

/**
 * batchBackprop with the chunks of a large batch shared by worker threads: every thread,
 * this one included, takes the next chunk from a shared counter, and the chunks' Δ's are then
 * added in chunk order exactly as batchBackprop adds them, so J and ∂J/∂Θ are bit for bit the
 * same for any thread count. The workers are started on first use and kept, idle ones not
 * holding the process open.
 */
export async function parallelBackprop(problem: Problem, theta: Theta, options: ParallelOptions = {}): Promise<CostAndGradient> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const ranges = chunkRanges(problem.X.rows);
  const workerCount = Math.min(threads, ranges.length) - 1;
  if (workerCount < 1 || workOf(problem) < PARALLEL_MIN_WORK) {
    lastRun = { threads: 1, chunks: ranges.length, byWorkers: 0 };
    return batchBackprop(problem, theta);
  }

  // The last job's buffers are reused unless another batch is still being computed in them.
  const job = makeJob(problem, theta, ranges.length, fusedKernelInUse(), busy ? undefined : spare);
  busy = true;
  try {
    const result = await shareChunks(problem, theta, job, workerCount, options.callerTakesChunks !== false);
    spare = job;
    return result;
  } catch (error) {
    // Other workers may still be busy with this batch: start afresh rather than mix replies.
    await stopWorkers();
    throw error;
  } finally {
    busy = false;
  }
}

let spare: Job | undefined;
let busy = false;

async function shareChunks(problem: Problem, theta: Theta, job: Job, workerCount: number, callerTakes: boolean): Promise<CostAndGradient> {
  const ranges = chunkRanges(problem.X.rows);
  const done = pool(workerCount).map((worker) => run(worker, job));
  // This thread takes chunks too, from the same counter, keeping its shares as they are.
  const mine = new Map<number, ChunkDeltas>();
  const next = new Int32Array(job.counter);
  withWeightsTransposed(problem, theta, (weightsT) => {
    for (let c = callerTakes ? Atomics.add(next, 0, 1) : ranges.length; c < ranges.length; c = Atomics.add(next, 0, 1)) {
      const [from, to] = ranges[c];
      mine.set(c, chunkDeltas(problem, theta, rowsOf(problem.X, from, to), rowsOf(problem.Y, from, to), { weightsT }));
    }
  });
  await Promise.all(done);
  lastRun = { threads: workerCount + 1, chunks: ranges.length, byWorkers: ranges.length - mine.size };
  const parts = ranges.map((_, c) => mine.get(c) ?? fromSlot(job, c, theta));
  return finishGradient(problem, theta, sumInChunkOrder(parts));
}

let lastRun = { threads: 1, chunks: 0, byWorkers: 0 };

/** How the last call shared its chunks: threads used, chunks, and how many the workers took. */
export function lastParallelRun(): { readonly threads: number; readonly chunks: number; readonly byWorkers: number } {
  return lastRun;
}

/** The number of threads `--threads` means by default where a command does not say: every core. */
export function allCores(): number {
  return availableParallelism();
}

function workOf(problem: Problem): number {
  const s = problem.layerSizes;
  let w = 0;
  for (let l = 0; l + 1 < s.length; l++) w += s[l] * s[l + 1];
  return w * problem.X.rows;
}

function fromSlot(job: Job, c: number, theta: Theta): ChunkDeltas {
  const out = new Float64Array(job.output, 8 * c * job.slot, job.slot);
  let at = 1;
  const Delta: Matrix[] = theta.map((T) => {
    const D = zeros(T.rows, T.cols);
    D.data.set(out.subarray(at, at + D.data.length));
    at += D.data.length;
    return D;
  });
  return { lossSum: out[0], Delta };
}

const workers: Worker[] = [];

// Compiled, the worker's entry is the JavaScript beside this file and needs no loader; run from
// the TypeScript sources (the repository's unit tests and bench), a shim registers tsx first.
const workerEntry = new URL(import.meta.url.endsWith(".ts") ? "./backpropWorker.fromSource.mjs" : "./backpropWorker.js", import.meta.url);

function pool(size: number): Worker[] {
  while (workers.length < size) {
    const worker = new Worker(workerEntry);
    worker.unref();
    workers.push(worker);
  }
  return workers.slice(0, size);
}

function run(worker: Worker, job: Job): Promise<void> {
  return new Promise((resolve, reject) => {
    // Held open only while it works for us.
    worker.ref();
    const finish = (settle: () => void) => {
      worker.off("message", onMessage).off("error", onError);
      worker.unref();
      settle();
    };
    const onMessage = (reply: { done?: true; error?: string }) =>
      finish(() => (reply.error ? reject(new Error(`backprop worker failed: ${reply.error}`)) : resolve()));
    const onError = (error: Error) => {
      workers.splice(workers.indexOf(worker), 1);
      finish(() => reject(error));
    };
    worker.on("message", onMessage).on("error", onError);
    worker.postMessage(job);
  });
}

/** Stops the worker threads (they are restarted on the next parallel call). */
export async function stopWorkers(): Promise<void> {
  const all = workers.splice(0);
  await Promise.all(all.map((w) => w.terminate()));
}
