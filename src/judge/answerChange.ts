/** Two answers agree when they are the same numbers up to a few roundings (a pure function gives identical bits). */
const sameAnswer = { rtol: 1e-13, atol: 1e-300 } as const;

/** Which parts of an answer a comparison looks at: a test of the cost alone does not judge the gradient. */
export type AnswerParts = "J" | "grad" | "both";

export interface AnswerChange {
  readonly J: boolean;
  /** the gradient entry that moved most, or −1 when none moved */
  readonly worst: number;
}

/**
 * How a second answer to the same request differs from the first, in the parts asked about;
 * undefined when it does not. ±∞ twice and NaN twice are the same answer (∞ − ∞ is NaN, so they
 * are compared before subtracting).
 */
export function answerChange(
  first: { readonly J: number; readonly grad: ArrayLike<number> },
  second: { readonly J: number; readonly grad: ArrayLike<number> },
  parts: AnswerParts = "both",
): AnswerChange | undefined {
  const differs = (x: number, y: number) =>
    !Object.is(x, y) &&
    !(Number.isNaN(x) && Number.isNaN(y)) &&
    !(Math.abs(x - y) <= sameAnswer.atol + sameAnswer.rtol * Math.max(Math.abs(x), Math.abs(y)));
  const J = parts !== "grad" && differs(first.J, second.J);
  let worst = -1;
  if (parts !== "J" && first.grad.length === second.grad.length) {
    const moved = (k: number) => Math.abs(first.grad[k] - second.grad[k]);
    for (let k = 0; k < first.grad.length; k++)
      if (differs(first.grad[k], second.grad[k]) && (worst < 0 || moved(k) > moved(worst))) worst = k;
  }
  return J || worst >= 0 ? { J, worst } : undefined;
}
