/** counts[actual][predicted] over K classes; the diagonal holds the right answers. */
export interface ConfusionMatrix {
  readonly K: number;
  readonly counts: number[][];
  readonly total: number;
  /** the fraction on the diagonal */
  readonly accuracy: number;
}

export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, K: number): ConfusionMatrix {
  if (actual.length !== predicted.length) throw new RangeError(`${actual.length} labels but ${predicted.length} predictions`);
  const counts = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let right = 0;
  for (let i = 0; i < actual.length; i++) {
    counts[actual[i]][predicted[i]]++;
    if (actual[i] === predicted[i]) right++;
  }
  return { K, counts, total: actual.length, accuracy: actual.length === 0 ? NaN : right / actual.length };
}

/** The matrix as text: rows are the true digit, columns the network's answer. */
export function renderConfusion(c: ConfusionMatrix): string[] {
  const w = Math.max(4, String(c.total).length + 1);
  const lines = [`true \\ predicted ${Array.from({ length: c.K }, (_, k) => String(k).padStart(w)).join("")}`];
  c.counts.forEach((row, k) => lines.push(`${String(k).padStart(17)} ${row.map((n) => String(n).padStart(w)).join("")}`));
  return lines;
}
