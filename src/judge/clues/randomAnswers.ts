import type { Clue } from "./Clue.ts";
import type { Evidence } from "./Evidence.ts";

/** How many times the first case is asked again, back to back. */
const repeats = 5;

/**
 * Randomness left in the cost (dropout, added noise): the same case asked several times in a
 * row gets different answers, with no steady trend. State kept between calls (a Δ never reset)
 * moves by the same step at each identical call and is left to its own finding.
 */
export async function randomAnswers(e: Evidence): Promise<Clue | undefined> {
  const first = e.samples[0];
  if (!e.ask) return undefined;
  const answers: Array<{ J: number; grad: Float64Array }> = [];
  for (let k = 0; k < repeats; k++) {
    const s = await e.ask(first.c);
    if (!s) return undefined;
    answers.push(s.got);
  }
  const vectors = answers.map((a) => [a.J, ...a.grad]);
  if (vectors.every((v) => v.every((x, q) => Object.is(x, vectors[0][q])))) return undefined;
  const steps = vectors.slice(1).map((v, k) => v.map((x, q) => x - vectors[k][q]));
  const steady = steps.every((d) =>
    d.every((x, q) => Math.abs(x - steps[0][q]) <= 1e-9 * (Math.abs(steps[0][q]) + Math.abs(vectors[0][q]))),
  );
  if (steady) return undefined;
  const Js = answers.map((a) => a.J);
  let worst = 0;
  const scale = Math.max(...Array.from(first.expected.grad, Math.abs), 1e-300);
  for (const a of answers)
    for (let q = 0; q < a.grad.length; q++) worst = Math.max(worst, Math.abs(a.grad[q] - first.expected.grad[q]) / scale);
  return {
    id: "random-answers",
    value: repeats,
    message: `the same case ([${first.c.layerSizes}], m = ${first.c.X.rows}) asked ${repeats} times in a row got ${new Set(Js).size > 1 ? repeats : "several"} different answers with no steady trend: J from ${Math.min(...Js).toPrecision(6)} to ${Math.max(...Js).toPrecision(6)} (exact ${first.expected.J.toPrecision(6)}), ∇J off by up to ${(100 * worst).toPrecision(3)}% of its largest entry: randomness inside the cost — dropout (a mask, and its 1/(1 − p) scale) or noise left on? Turn it off (or fix its seed) when J and ∇J are computed for checking`,
  };
}
