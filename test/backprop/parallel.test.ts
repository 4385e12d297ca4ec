import { afterAll, describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { CHUNK_EXAMPLES, chunkRanges } from "../../src/backprop/chunks.ts";
import { loopBackprop } from "../../src/backprop/loop.ts";
import { lastParallelRun, parallelBackprop, stopWorkers } from "../../src/backprop/parallelBackprop.ts";
import type { CostAndGradient } from "../../src/network/Network.ts";
import { buildNetwork } from "../helpers/randomNetwork.ts";

afterAll(stopWorkers);

/** Every bit of J and of each gradient entry, so that "the same" means identical, not close. */
function bits(r: CostAndGradient): string {
  const all = Float64Array.from([r.J, ...r.grad.flatMap((G) => Array.from(G.data))]);
  return Buffer.from(all.buffer).toString("hex");
}

describe("a large batch in fixed chunks, shared by worker threads", () => {
  it("cuts m examples into consecutive chunks of CHUNK_EXAMPLES, the last one shorter", () => {
    expect(chunkRanges(1)).toEqual([[0, 1]]);
    expect(chunkRanges(CHUNK_EXAMPLES)).toEqual([[0, CHUNK_EXAMPLES]]);
    expect(chunkRanges(2 * CHUNK_EXAMPLES + 3)).toEqual([
      [0, CHUNK_EXAMPLES],
      [CHUNK_EXAMPLES, 2 * CHUNK_EXAMPLES],
      [2 * CHUNK_EXAMPLES, 2 * CHUNK_EXAMPLES + 3],
    ]);
  });

  // Big enough to be split into several chunks and to pass the threshold for starting workers.
  const shapes = [
    { layerSizes: [200, 50, 10], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", m: 4 * CHUNK_EXAMPLES + 77 },
    { layerSizes: [120, 80, 40, 4], hidden: "relu", output: "identity", cost: "squared-error", m: 3 * CHUNK_EXAMPLES + 77 },
  ] as const;

  for (const shape of shapes) {
    const { problem, theta } = buildNetwork({ ...shape, layerSizes: [...shape.layerSizes], lambda: 1, weightScale: 0.3 }, 11);
    const title = `${shape.layerSizes.join("-")} ${shape.hidden}/${shape.cost}, m = ${shape.m}`;

    it(`gives bit-for-bit the same J and ∂J/∂Θ with 1, 2 and 3 threads: ${title}`, async () => {
      const one = bits(batchBackprop(problem, theta));
      for (const threads of [1, 2, 3]) {
        expect(bits(await parallelBackprop(problem, theta, { threads })), `${threads} threads`).toBe(one);
        expect(lastParallelRun().threads).toBe(threads);
      }
      // Every chunk from the workers, however they are scheduled: their shares are what is summed.
      for (const threads of [2, 3]) {
        expect(bits(await parallelBackprop(problem, theta, { threads, callerTakesChunks: false })), `${threads - 1} workers alone`).toBe(
          one,
        );
        expect(lastParallelRun()).toEqual({ threads, chunks: chunkRanges(shape.m).length, byWorkers: chunkRanges(shape.m).length });
      }
    });

    it(`agrees with the per-example loop: ${title}`, async () => {
      const loop = loopBackprop(problem, theta),
        chunked = await parallelBackprop(problem, theta, { threads: 2 });
      expect(Math.abs(chunked.J - loop.J)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(loop.J)));
      loop.grad.forEach((G, l) =>
        G.data.forEach((v, q) => expect(Math.abs(chunked.grad[l].data[q] - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)))),
      );
    });
  }
});
