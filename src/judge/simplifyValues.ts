import { oneHotRows, type LabelledCase } from "../network/labels.ts";
import { matrix, type Matrix } from "../linalg/Matrix.ts";

/**
 * The last shrinking step: every weight, input and label is tried at 0, one at a time, and
 * kept at 0 when the case still fails. Cheap once the network is small, and it leaves only
 * the numbers the failure needs.
 */
export async function simplifyValues(
  c: LabelledCase,
  stillFails: (c: LabelledCase) => Promise<boolean>,
): Promise<{ simplified: LabelledCase; steps: number }> {
  let current = c;
  let steps = 0;
  const attempt = async (next: LabelledCase) => {
    if (await stillFails(next)) {
      current = next;
      steps++;
    }
  };
  for (let l = 0; l < current.theta.length; l++) {
    for (let q = 0; q < current.theta[l].data.length; q++) {
      if (current.theta[l].data[q] === 0) continue;
      await attempt({ ...current, theta: current.theta.map((T, k) => (k === l ? zeroAt(T, q) : T)) });
    }
  }
  for (let q = 0; q < current.X.data.length; q++) {
    if (current.X.data[q] !== 0) await attempt({ ...current, X: zeroAt(current.X, q) });
  }
  const K = current.Y.cols;
  for (let i = 0; i < current.labels.length; i++) {
    if (current.labels[i] === 0) continue;
    const labels = current.labels.map((y, k) => (k === i ? 0 : y));
    await attempt({ ...current, labels, Y: matrix(current.Y.rows, K, oneHotRows(labels, K)) });
  }
  return { simplified: current, steps };
}

function zeroAt(A: Matrix, q: number): Matrix {
  const data = A.data.slice();
  data[q] = 0;
  return matrix(A.rows, A.cols, data);
}
