import { gemm, withPinned } from "../linalg/gemm.ts";
import { worthSimd } from "../linalg/simdGemm.ts";
import { zeros, type Matrix } from "../linalg/Matrix.ts";
import { Scratch } from "../linalg/Scratch.ts";
import { columnsFrom, transposed, view } from "../linalg/products.ts";
import { activations } from "../network/activation.ts";
import { lossSum } from "../network/costFunction.ts";
import { forward } from "../network/forward.ts";
import { outputLayerOf } from "../network/outputLayer.ts";
import { type CostAndGradient, type Problem, type Theta } from "../network/Network.ts";
import { regularizationTerm } from "../network/regularization.ts";
import { weightsTransposed } from "../network/theta.ts";
import { CHUNK_EXAMPLES, chunkRanges, rowsOf } from "./chunks.ts";

/**
 * The lecture's formulas for all m examples at once (one example per row):
 *
 *     δ⁽ᴸ⁾ = A⁽ᴸ⁾ − Y                        (cross-entropy, sigmoid or softmax; squared error adds .* g'(Z⁽ᴸ⁾))
 *     Δ⁽ˡ⁾ = [Σ_i δ⁽ˡ⁺¹⁾ | δ⁽ˡ⁺¹⁾ᵀ A⁽ˡ⁾]      (bias column, then weights)
 *     δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁾) .* g'(Z⁽ˡ⁾)         (W⁽ˡ⁾ = Θ⁽ˡ⁾ without its bias column)
 *     D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)[0 | W⁽ˡ⁾]
 *
 * Every product goes through the one kernel, Θ read in place past its bias column (the forward
 * pass reads Wᵀ, laid out once per gradient). A large batch is taken in fixed chunks of
 * examples whose Δ's are summed in chunk order: the same sums, in the same order, as
 * parallelBackprop's worker threads make, so the two agree bit for bit whatever the thread count.
 */
export function batchBackprop(problem: Problem, theta: Theta): CostAndGradient {
  return withWeightsTransposed(problem, theta, (weightsT) => {
    let sum: ChunkDeltas | undefined;
    for (const [from, to] of chunkRanges(problem.X.rows))
      sum = chunkDeltas(problem, theta, rowsOf(problem.X, from, to), rowsOf(problem.Y, from, to), { sum, weightsT });
    return finishGradient(problem, theta, sum!);
  });
}

/**
 * Runs body with Wᵀ of every layer laid out for the kernel once for all the chunks it computes
 * (weightsTransposed), the first layer's copied into the kernel's memory once for every chunk's
 * forward pass; or with undefined where the products are small and stay in JavaScript, which
 * reads Θ in place.
 */
export function withWeightsTransposed<T>(problem: Problem, theta: Theta, body: (weightsT?: readonly Matrix[]) => T): T {
  const large = worthSimd(Math.min(problem.X.rows, CHUNK_EXAMPLES), theta[0].rows, problem.X.cols);
  if (!large) return body(undefined);
  const weightsT = weightsTransposed(theta);
  return withPinned(weightsT[0].data, () => body(weightsT));
}

/** withPinned's stand-in for products that stay in JavaScript and never read the kernel's memory. */
const alone = <T>(_data: Float64Array, body: () => T): T => body();

/**
 * Largest X kept in the kernel's memory across gradients (256 MB: 40,000 MNIST digits).
 * WebAssembly memory never shrinks, so a larger X is copied chunk by chunk as usual.
 */
const RESIDENT_MAX_BYTES = 256 * 2 ** 20;

/**
 * Runs body with the examples X held in the kernel's memory, so that every batchBackprop of
 * this problem in body (gradient descent: X never changes between steps) reads X in place
 * instead of copying it into WebAssembly memory for each gradient. X must not change in body.
 */
export function withExamplesResident<T>(problem: Problem, theta: Theta, body: () => T): T {
  const { X } = problem;
  const used = worthSimd(Math.min(X.rows, CHUNK_EXAMPLES), theta[0].rows, X.cols) && X.data.byteLength <= RESIDENT_MAX_BYTES;
  return used ? withPinned(X.data, body) : body();
}

/**
 * The z's, a's and δ's of the chunk being computed, reused by the next chunk and the next call
 * (each thread has its own): only the Δ's a chunk returns are new arrays.
 */
const scratch = new Scratch();

/** One chunk's share: Σ of its losses and its Δ⁽ˡ⁾, neither divided by m yet. */
export interface ChunkDeltas {
  readonly lossSum: number;
  readonly Delta: Matrix[];
}

/**
 * The forward and backward pass over the examples X, Y (a chunk of the batch). X, read by the
 * forward pass and again by Δ⁽¹⁾, is copied into the kernel's memory once for both, unless it
 * is there already (withExamplesResident).
 *
 * With `sum` (the earlier chunks' shares), the chunk's share is added into sum's arrays as it
 * is made, and sum is returned: each entry gets `sum + share` with the share complete, exactly
 * the addition sumInChunkOrder makes, without a new Δ per chunk or a second sweep over them.
 * `weightsT` (weightsTransposed(theta)) saves the forward pass gathering Wᵀ for each chunk.
 */
export function chunkDeltas(
  problem: Problem,
  theta: Theta,
  X: Matrix,
  Y: Matrix,
  { sum, weightsT }: { sum?: ChunkDeltas; weightsT?: readonly Matrix[] } = {},
): ChunkDeltas {
  const pinned = worthSimd(X.rows, theta[0].rows, X.cols) ? withPinned : alone;
  return pinned(X.data, () => {
    const L = problem.layerSizes.length;
    const m = X.rows;
    const { z, a } = forward(problem, theta, X, scratch, weightsT);
    let delta = outputDelta(problem, z[L - 1], a[L - 1], Y);
    const Delta: Matrix[] = sum ? sum.Delta : new Array(theta.length);
    for (let l = L - 2; l >= 0; l--) {
      const T = theta[l];
      const sOut = T.rows,
        sIn = T.cols - 1,
        cols = T.cols;
      const D = sum ? sum.Delta[l] : zeros(sOut, cols);
      // Δ⁽ˡ⁾ past the bias column = δ⁽ˡ⁺¹⁾ᵀ · A⁽ˡ⁾, written (or added) straight into the weight columns.
      gemm(sOut, sIn, m, transposed(view(delta)), view(a[l]), columnsFrom(D, 1), sum !== undefined);
      // The bias column: the chunk's Σ_i δ⁽ˡ⁺¹⁾ in full first, then added to the sum.
      const bias = scratch.matrix(`bias${l + 1}`, 1, sOut).data.fill(0),
        dl = delta.data;
      for (let i = 0; i < m; i++) {
        const r = i * sOut;
        for (let k = 0; k < sOut; k++) bias[k] += dl[r + k];
      }
      const dd = D.data;
      for (let k = 0; k < sOut; k++) dd[k * cols] = sum ? dd[k * cols] + bias[k] : bias[k];
      Delta[l] = D;
      if (l > 0) delta = hiddenDelta(problem, l, delta, T, z[l], a[l]);
    }
    const loss = lossSum({ cost: problem.cost, outputActivation: problem.outputActivation, Y }, { z, a });
    return { lossSum: sum ? sum.lossSum + loss : loss, Delta };
  });
}

/** The chunks' shares added left to right (the first chunk's arrays are reused). */
export function sumInChunkOrder(parts: readonly ChunkDeltas[]): ChunkDeltas {
  const [first, ...rest] = parts;
  let loss = first.lossSum;
  for (const part of rest) {
    loss += part.lossSum;
    part.Delta.forEach((P, l) => {
      const d = first.Delta[l].data,
        p = P.data;
      for (let q = 0; q < d.length; q++) d[q] += p[q];
    });
  }
  return { lossSum: loss, Delta: first.Delta };
}

/** J and D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)[0 | W⁽ˡ⁾] from the summed shares; Δ is scaled in place. */
export function finishGradient(problem: Problem, theta: Theta, sum: ChunkDeltas): CostAndGradient {
  const { lambda } = problem;
  const m = problem.X.rows;
  const invM = 1 / m,
    lambdaOverM = lambda / m;
  sum.Delta.forEach((D, l) => {
    const dd = D.data,
      t = theta[l].data,
      cols = D.cols;
    for (let k = 0; k < D.rows; k++) {
      const r = k * cols;
      dd[r] *= invM;
      for (let j = 1; j < cols; j++) dd[r + j] = dd[r + j] * invM + lambdaOverM * t[r + j];
    }
  });
  return { J: sum.lossSum / m + regularizationTerm(theta, lambda, m), grad: sum.Delta };
}

function outputDelta(problem: Problem, zL: Matrix, aL: Matrix, Y: Matrix): Matrix {
  const delta = outputLayerOf(problem).delta;
  const out = scratch.matrix(`delta${problem.layerSizes.length}`, zL.rows, zL.cols);
  const zd = zL.data,
    ad = aL.data,
    y = Y.data,
    o = out.data;
  for (let q = 0; q < o.length; q++) o[q] = delta(zd[q], ad[q], y[q]);
  return out;
}

/** δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁾) .* g'(z⁽ˡ⁾) for l = layer + 1; the bias column of Θ is skipped, not copied away. */
function hiddenDelta(problem: Problem, layer: number, deltaNext: Matrix, T: Matrix, Z: Matrix, A: Matrix): Matrix {
  const m = deltaNext.rows,
    sIn = T.cols - 1;
  const out = scratch.matrix(`delta${layer + 1}`, m, sIn);
  gemm(m, sIn, T.rows, view(deltaNext), columnsFrom(T, 1), view(out), false);
  // Layer l is hidden (l ≥ 1 and below the output), so its activation is element-wise.
  const gPrime = activations[problem.hiddenActivation].gPrime;
  const o = out.data,
    zd = Z.data,
    ad = A.data;
  for (let q = 0; q < o.length; q++) o[q] *= gPrime(zd[q], ad[q]);
  return out;
}
