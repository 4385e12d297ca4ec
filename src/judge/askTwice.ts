import type { LabelledCase } from "../network/labels.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { answerChange, type AnswerParts } from "./answerChange.ts";
import type { CaseFinding } from "./CaseFinding.ts";
import { requestOf } from "./requestOf.ts";

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
  return askAgain(c, first, implementation, "with another case in between");
}

/**
 * The case asked once more after an answer to it, as an optimiser does (fmincg asks the same Θ
 * again after a line search step): a pure function answers the same numbers. `between` says
 * what was asked since the first answer, for the message; `parts` which parts are compared.
 */
export async function askAgain(
  c: LabelledCase,
  first: { readonly J: number; readonly grad: ArrayLike<number> },
  implementation: Implementation,
  between: string,
  parts: AnswerParts = "both",
): Promise<CaseFinding | undefined> {
  const second = await implementation.call(requestOf(c));
  return second.kind === "result" ? notReproducible(c, first, second, between, parts) : undefined;
}

/** The finding for two answers to the same case, or undefined when they agree. */
export function notReproducible(
  c: LabelledCase,
  first: { readonly J: number; readonly grad: ArrayLike<number> },
  second: Extract<CallOutcome, { kind: "result" }>,
  between: string,
  parts: AnswerParts = "both",
): CaseFinding | undefined {
  const change = answerChange(first, second, parts);
  if (!change) return undefined;
  const w = change.worst;
  const entry = w >= 0 ? `; ${thetaLocate(c.layerSizes)(w).label}: ${first.grad[w]}, then ${second.grad[w]}` : "";
  return {
    problem: "not-reproducible",
    message: `the same case asked twice, ${between}, got two answers: J = ${first.J}, then J = ${second.J}${entry}`,
    answers: [
      { J: first.J, grad: Array.from(first.grad) },
      { J: second.J, grad: Array.from(second.grad) },
    ],
  };
}
