import { copy } from "../linalg/Matrix.ts";
import { costFunction } from "../network/costFunction.ts";
import type { Problem, Theta } from "../network/Network.ts";
import { defaultRelativeAccuracy, type Increments } from "../numeric/index.ts";

/**
 * The textbook way, for comparison: a full forward pass of J(Θ + t·e_p) per offset. Works on
 * a private copy of Θ, each entry put back from its saved value in `finally`.
 */
export function naiveIncrements(problem: Problem, theta: Theta): Increments {
  const work = theta.map(copy);
  const start: number[] = [];
  let n = 0;
  for (const T of work) {
    start.push(n);
    n += T.data.length;
  }
  const where = (p: number) => {
    let l = work.length - 1;
    while (start[l] > p) l--;
    return { data: work[l].data, q: p - start[l] };
  };
  const f0 = costFunction(problem, work);
  return {
    n,
    f0,
    accuracy: defaultRelativeAccuracy * Math.abs(f0),
    coordinate: (p) => {
      const { data, q } = where(p);
      return data[q];
    },
    increments(p, offsets, out) {
      const { data, q } = where(p);
      const saved = data[q];
      try {
        for (let o = 0; o < offsets.length; o++) {
          data[q] = saved + offsets[o];
          out[o] = costFunction(problem, work) - f0;
        }
      } finally {
        data[q] = saved;
      }
    },
  };
}
