import { matrix, type Matrix } from "../../linalg/Matrix.ts";
import type { LabelledCase } from "../../network/labels.ts";
import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, near, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { firstExamples } from "./probes.ts";
import { regularizerTerms, variantAnswer, type Variant } from "./variantAnswer.ts";

/** softmax down each column of Z (over the m examples) instead of along each row (over the K classes). */
function softmaxOverColumns(Z: Matrix): Matrix {
  const { rows: m, cols: K } = Z;
  const A = new Float64Array(Z.data.length);
  for (let k = 0; k < K; k++) {
    let max = -Infinity,
      s = 0;
    for (let i = 0; i < m; i++) max = Math.max(max, Z.data[i * K + k]);
    for (let i = 0; i < m; i++) s += A[i * K + k] = Math.exp(Z.data[i * K + k] - max);
    for (let i = 0; i < m; i++) A[i * K + k] /= s;
  }
  return matrix(m, K, A);
}

const overExamples: Variant = {
  output: {
    a: softmaxOverColumns,
    lossSum: (A, Y) => A.data.reduce((s, a, q) => s - (Y.data[q] === 0 ? 0 : Y.data[q] * Math.log(a)), 0),
  },
  outputDelta: (_z, a, y) => a - y,
};

/**
 * A softmax output normalised over the examples (axis 0) instead of the classes: J (and ∇J,
 * when it follows J) is the cross-entropy of that softmax on every network, and at m = 1,
 * where every output is then 1, the data term is 0: asked of the submission to confirm.
 */
export async function softmaxOverExamples(e: Evidence): Promise<Clue | undefined> {
  const first = e.samples[0];
  if (first.c.outputActivation !== "softmax" || e.samples.every(costRight)) return undefined;
  const predictions = e.samples.map((s) => variantAnswer(s.c, overExamples));
  if (!e.samples.every((s, k) => near(s.got.J, predictions[k].J, 1e-9))) return undefined;
  const gFits = e.samples.every((s, k) => allNear(s.got.grad, predictions[k].grad, 1e-7));
  const gradient = gFits
    ? "∇J follows it (δ⁽ᴸ⁾ = h − y with that h)"
    : e.samples.every(gradientRight)
      ? "∇J is right"
      : "∇J is wrong another way";
  const one = await atOneExample(e, first.c);
  return {
    id: "softmax-over-examples",
    explains: explainedShare(
      e.samples,
      predictions.map((p) => (gFits ? p : { J: p.J })),
    ),
    message: `J is the cross-entropy of a softmax taken over the m examples (down each column of Z⁽ᴸ⁾) instead of over the K classes, on all ${e.samples.length} networks; ${gradient}${one}. Normalise along the classes: sum over axis=1 (sum(…, 2) in Octave)`,
  };
}

/** What the submission says at m = 1, where a softmax over the examples makes every h = 1. */
async function atOneExample(e: Evidence, c: LabelledCase): Promise<string> {
  const s = e.ask ? await e.ask(firstExamples(c, 1)) : undefined;
  if (!s) return "";
  const reg = regularizerTerms(s.c).reduce((x, y) => x + y, 0);
  return near(s.got.J, reg, 1e-9)
    ? `; asked with one example (m = 1), J is ${reg === 0 ? "0" : "the regulariser alone"}, as every h is then 1`
    : "";
}
