import type { LabelledCase } from "../network/labels.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import type { CaseFinding } from "./judgeCase.ts";
import { requestOf } from "./requestOf.ts";

/** Two answers agree when they are the same numbers up to a few roundings (a pure function gives identical bits). */
const sameAnswer = { rtol: 1e-13, atol: 1e-300 } as const;

/**
 * State kept between calls shows as two different answers to one question: the case is asked,
 * then another case, then the first again (so the order of calls differs). Returns a
 * not-reproducible finding with both answers, or undefined when the answers agree (or a call
 * did not answer: that is judged elsewhere).
 */
export async function askTwice(c: LabelledCase, between: LabelledCase, implementation: Implementation): Promise<CaseFinding | undefined> {
  const first = await implementation.call(requestOf(c));
  // no answer (a throw, a hang) has nothing to compare, and asking again would only spend time limits
  if (first.kind !== "result") return undefined;
  await implementation.call(requestOf(between));
  const second = await implementation.call(requestOf(c));
  if (second.kind !== "result" || first.grad.length !== second.grad.length) return undefined;
  // ±∞ twice and NaN twice are the same answer (∞ − ∞ is NaN, so compare them before subtracting)
  const differs = (x: number, y: number) =>
    !Object.is(x, y) &&
    !(Number.isNaN(x) && Number.isNaN(y)) &&
    !(Math.abs(x - y) <= sameAnswer.atol + sameAnswer.rtol * Math.max(Math.abs(x), Math.abs(y)));
  let worst = -1;
  for (let k = 0; k < first.grad.length; k++) {
    if (
      differs(first.grad[k], second.grad[k]) &&
      (worst < 0 || Math.abs(first.grad[k] - second.grad[k]) > Math.abs(first.grad[worst] - second.grad[worst]))
    )
      worst = k;
  }
  if (!differs(first.J, second.J) && worst < 0) return undefined;
  const entry = worst >= 0 ? `; ${thetaLocate(c.layerSizes)(worst).label}: ${first.grad[worst]}, then ${second.grad[worst]}` : "";
  return {
    problem: "not-reproducible",
    message: `the same case asked twice, with another case in between, got two answers: J = ${first.J}, then J = ${second.J}${entry}`,
    answers: [
      { J: first.J, grad: Array.from(first.grad) },
      { J: second.J, grad: Array.from(second.grad) },
    ],
  };
}
