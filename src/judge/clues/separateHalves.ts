import type { Clue } from "./Clue.ts";
import { costRight, gradientRight, type Evidence, type Sample } from "./Evidence.ts";
import { layerRules, rulesFitting, ruleNames, wrongGradientLayers } from "./layerRules.ts";
import { firstExamples, outputs, withLambda } from "./probes.ts";
import { regularizerTerms } from "./variantAnswer.ts";

type Half = "J" | "∇J";

/**
 * J and ∇J judged apart, on every network the evidence holds: when one of them is exactly
 * right, the report leads with it, then says how the other differs — by a constant, by a term
 * that vanishes at λ = 0, only in some layers, only for some K, only for m > 1. The λ = 0 and
 * m = 1 twins are asked of the submission for that.
 */
export async function separateHalves(e: Evidence): Promise<Clue | undefined> {
  const n = e.samples.length;
  const jWrong = e.samples.some((s) => !costRight(s)),
    gWrong = e.samples.some((s) => !gradientRight(s));
  if (jWrong === gWrong) return undefined;
  const half: Half = jWrong ? "J" : "∇J";
  const how = await howItDiffers(e, half);
  return jWrong
    ? { id: "only-cost-wrong", message: `∇J is exactly right on all ${n} networks; only J is wrong: ${how}` }
    : { id: "only-gradient-wrong", message: `J is exactly right on all ${n} networks; only ∇J is wrong: ${how}` };
}

const rightOf = (half: Half) => (half === "J" ? costRight : gradientRight);

/** The ways the wrong half differs, each a phrase, joined; the first sample's error first. */
async function howItDiffers(e: Evidence, half: Half): Promise<string> {
  const right = rightOf(half);
  const phrases = [half === "J" ? costError(e.samples.find((s) => !right(s))!) : layerPhrase(e.samples)];
  phrases.push(...kPhrase(e.samples, right), await lambdaPhrase(e, half), await mPhrase(e, right));
  const constant = half === "J" ? constantPhrase(e.samples) : undefined;
  if (constant) phrases.push(constant);
  return phrases.filter((p) => p).join("; ");
}

function costError(s: Sample): string {
  const d = s.got.J - s.expected.J;
  return `J is too ${d > 0 ? "large" : "small"} by ${Math.abs(d).toExponential(2)} on [${s.c.layerSizes}], m = ${s.c.X.rows} (relative ${Math.abs(d / s.expected.J).toExponential(1)})`;
}

/** Where ∇J is wrong, as a set of layers named by position when one name fits every network. */
function layerPhrase(samples: readonly Sample[]): string {
  const wrong = samples.filter((s) => !gradientRight(s));
  const rules = rulesFitting(wrong.map((s) => ({ n: s.c.theta.length, layers: wrongGradientLayers(s) })));
  return rules.length > 0 ? `the wrong entries are in ${ruleNames(rules)}` : "";
}

function kPhrase(samples: readonly Sample[], right: (s: Sample) => boolean): string[] {
  const wrong = samples.filter((s) => !right(s)),
    fine = samples.filter(right);
  if (wrong.every((s) => outputs(s.c) === 1) && fine.some((s) => outputs(s.c) > 1))
    return ["only where K = 1 (right on every network with K ≥ 2)"];
  if (wrong.every((s) => outputs(s.c) > 1) && fine.some((s) => outputs(s.c) === 1)) return ["only where K ≥ 2 (right with K = 1)"];
  return [];
}

/** The same networks at λ = 0: right there means the regulariser; the same error there means the data term. */
async function lambdaPhrase(e: Evidence, half: Half): Promise<string> {
  if (!e.ask) return "";
  const right = rightOf(half);
  const wrong = e.samples.filter((s) => !right(s) && s.c.lambda > 0);
  if (wrong.length === 0)
    return e.samples.some((s) => !right(s) && s.c.lambda === 0) ? "wrong at λ = 0 too: not the regulariser alone" : "";
  const twins: Sample[] = [];
  for (const s of wrong) {
    const t = await e.ask(withLambda(s.c, 0));
    if (t) twins.push(t);
  }
  if (twins.length === 0) return "";
  if (twins.every(right)) {
    const ratio = half === "J" ? regularizerRatio(wrong) : undefined;
    const left = half === "J" && ratio === undefined ? layersLeftOut(wrong) : "";
    const term =
      ratio !== undefined
        ? `: J − J_exact = ${ratio.toPrecision(3)} × (λ/2m)ΣΘ² on every network`
        : left
          ? `: J lacks the (λ/2m)ΣΘ² of ${left}`
          : "";
    return `only where λ > 0 (right at λ = 0 on the same networks), so the slip is in the regulariser${term}`;
  }
  if (
    half === "J" &&
    twins.every((t, k) => Math.abs(t.got.J - t.expected.J - (wrong[k].got.J - wrong[k].expected.J)) <= 1e-9 * Math.abs(wrong[k].expected.J))
  )
    return `the same at λ = 0 as at λ = ${wrong[0].c.lambda}: the data term, not the regulariser`;
  return "wrong at λ = 0 too: not the regulariser alone";
}

/** (J − J_exact) / (λ/2m)ΣΘ², when it is one number on every network with λ > 0. */
function regularizerRatio(samples: readonly Sample[]): number | undefined {
  const ratios = samples.map((s) => (s.got.J - s.expected.J) / regularizerTerms(s.c).reduce((a, b) => a + b, 0));
  return ratios.every((r) => Number.isFinite(r) && Math.abs(r - ratios[0]) <= 1e-6 * Math.abs(ratios[0])) ? ratios[0] : undefined;
}

/** The first network cut to one example: right there, wrong with more, means the slip mixes examples. */
async function mPhrase(e: Evidence, right: (s: Sample) => boolean): Promise<string> {
  const first = e.samples[0];
  if (!e.ask || right(first) || first.c.X.rows < 2) return "";
  const one = await e.ask(firstExamples(first.c, 1));
  return one && right(one)
    ? `right on the same network with one example (m = 1), wrong with m = ${first.c.X.rows}: the slip mixes examples`
    : "";
}

function constantPhrase(samples: readonly Sample[]): string | undefined {
  const d = samples.map((s) => s.got.J - s.expected.J);
  if (!d.every((x) => x !== 0 && Math.abs(x - d[0]) <= 1e-9 * Math.max(...samples.map((s) => Math.abs(s.expected.J))))) return undefined;
  return `by the same constant, ${d[0] > 0 ? "+" : "−"}${Math.abs(d[0]).toExponential(2)}, on every network, whatever m, K and λ`;
}

/** The layers, named by position, whose regulariser terms J lacks on every network with λ > 0. */
function layersLeftOut(samples: readonly Sample[]): string {
  const rules = layerRules.filter((rule) =>
    samples.every((s) => {
      const n = s.c.theta.length;
      const missing = regularizerTerms(s.c).reduce((sum, R, l) => sum + (rule.holds(l, n) ? R : 0), 0);
      return Math.abs(s.expected.J - missing - s.got.J) <= 1e-9 * Math.abs(s.expected.J);
    }),
  );
  return rules.length > 0 ? ruleNames(rules) : "";
}
