import type { Sample } from "./Evidence.ts";

/** What a clue predicts the submission answered on one sample; a half it says nothing of is left out. */
export interface Prediction {
  readonly J?: number;
  readonly grad?: Float64Array;
}

/**
 * How much of the error a clue's model accounts for: 1 − (what is left of the error once the
 * prediction stands in for gradcheck's answer) / (the error), each sample's J and ∇J errors
 * taken relative to their size so that neither half drowns the other. 1 means the model
 * reproduces every wrong number it speaks of; 0, none.
 */
export function explainedShare(samples: readonly Sample[], predictions: readonly Prediction[]): number {
  let error = 0,
    left = 0;
  samples.forEach((s, k) => {
    const p = predictions[k] ?? {};
    const jScale = Math.max(Math.abs(s.expected.J), 1e-12),
      gScale = Math.max(norm(s.expected.grad), 1e-12);
    const jError = Math.abs(s.got.J - s.expected.J) / jScale,
      gError = distance(s.got.grad, s.expected.grad) / gScale;
    error += finite(jError) + finite(gError);
    left +=
      (p.J === undefined ? finite(jError) : finite(Math.abs(s.got.J - p.J) / jScale)) +
      (p.grad ? finite(distance(s.got.grad, p.grad) / gScale) : finite(gError));
  });
  if (error === 0) return 0;
  return Math.min(1, Math.max(0, 1 - left / error));
}

const finite = (x: number) => (Number.isFinite(x) ? x : 1e300);

function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k] * x[k];
  return Math.sqrt(s);
}

function distance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += (x[k] - y[k]) ** 2;
  return Math.sqrt(s);
}
