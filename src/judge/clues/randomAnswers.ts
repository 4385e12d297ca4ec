import type { Clue } from "./Clue.ts";
import type { Evidence, Sample } from "./Evidence.ts";

/**
 * How many times a case is asked again, back to back: with 8 answers, a dropout mask that
 * keeps each of a handful of units with probability 0.8 comes out the same every time with
 * probability below 1e-3.
 */
const repeats = 8;

type Answer = { readonly J: number; readonly grad: Float64Array };

/**
 * Randomness left in the cost (dropout, added noise): the same case asked several times in a
 * row gets different answers, with no steady trend. State kept between calls (a Δ never reset)
 * moves by the same step at each identical call and is left to its own finding. Asked are the
 * counterexample (where answers were seen to change) and the network with the most units (the
 * more units a mask covers, the less often it repeats; relu units that are off hide it).
 */
export async function randomAnswers(e: Evidence): Promise<Clue | undefined> {
  if (!e.ask) return undefined;
  const biggest = e.samples.reduce((big, s) => (s.expected.grad.length > big.expected.grad.length ? s : big));
  for (const s of new Set([e.samples[0], biggest])) {
    const answers: Answer[] = [];
    for (let k = 0; k < repeats; k++) {
      const again = await e.ask(s.c);
      if (!again) return undefined;
      answers.push(again.got);
    }
    if (scattered(answers)) return clue(s, answers);
  }
  return undefined;
}

/** Not all the same, and not one steady step from each answer to the next. */
function scattered(answers: readonly Answer[]): boolean {
  const vectors = answers.map((a) => [a.J, ...a.grad]);
  if (vectors.every((v) => v.every((x, q) => Object.is(x, vectors[0][q])))) return false;
  const steps = vectors.slice(1).map((v, k) => v.map((x, q) => x - vectors[k][q]));
  return !steps.every((d) => d.every((x, q) => Math.abs(x - steps[0][q]) <= 1e-9 * (Math.abs(steps[0][q]) + Math.abs(vectors[0][q]))));
}

function clue(s: Sample, answers: readonly Answer[]): Clue {
  const Js = answers.map((a) => a.J);
  const scale = Math.max(...Array.from(s.expected.grad, Math.abs), 1e-300);
  let worst = 0;
  for (const a of answers)
    for (let q = 0; q < a.grad.length; q++) worst = Math.max(worst, Math.abs(a.grad[q] - s.expected.grad[q]) / scale);
  return {
    id: "random-answers",
    value: repeats,
    message: `the same case ([${s.c.layerSizes}], m = ${s.c.X.rows}) asked ${repeats} times in a row got ${new Set(Js).size} different values of J with no steady trend: J from ${Math.min(...Js).toPrecision(6)} to ${Math.max(...Js).toPrecision(6)} (exact ${s.expected.J.toPrecision(6)}), ∇J off by up to ${(100 * worst).toPrecision(3)}% of its largest entry: randomness inside the cost — dropout (a mask, and its 1/(1 − p) scale) or noise left on? Turn it off (or fix its seed) when J and ∇J are computed for checking, and the answers will agree`,
  };
}
