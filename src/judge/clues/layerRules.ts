import { thetaName } from "../../network/thetaEntry.ts";
import { kinksOf, type Sample } from "./Evidence.ts";

/** A set of layers named by where they sit, so one name fits networks of every depth. */
export interface LayerRule {
  readonly name: string;
  /** whether theta[l] belongs to the set on a network with n = L − 1 weight layers */
  readonly holds: (l: number, n: number) => boolean;
}

const ordinals = ["first", "second", "third"];

export const layerRules: readonly LayerRule[] = [
  { name: `${thetaName(0)} only (the first layer)`, holds: (l) => l === 0 },
  { name: "the last Θ only (the output layer's)", holds: (l, n) => l === n - 1 },
  ...[1, 2, 3].map((k) => ({ name: `every layer past the ${ordinals[k - 1]} (${thetaName(k)} on)`, holds: (l: number) => l >= k })),
  { name: "every layer but the last", holds: (l: number, n: number) => l < n - 1 },
  { name: "every layer", holds: () => true },
];

/** The layers of each network, theta[l] with l in `layers`, seen on a sample. */
export interface LayerSet {
  readonly n: number;
  readonly layers: ReadonlySet<number>;
}

/** The rules that name every set exactly; a set that names nothing everywhere fits no rule. */
export function rulesFitting(sets: readonly LayerSet[]): LayerRule[] {
  if (!sets.some((s) => s.layers.size > 0)) return [];
  return layerRules.filter((rule) => sets.every((s) => everyLayer(s.n).every((l) => rule.holds(l, s.n) === s.layers.has(l))));
}

/** The rules' names joined for a reader: one name, or "A (or B: a deeper network would tell)". */
export function ruleNames(rules: readonly LayerRule[]): string {
  return rules.length === 1
    ? rules[0].name
    : `${rules[0].name} (or ${rules
        .slice(1)
        .map((r) => r.name)
        .join(", or ")}: a deeper network would tell)`;
}

export const everyLayer = (n: number): number[] => Array.from({ length: n }, (_, l) => l);

/** The layers of Θ whose ∇J entries differ from gradcheck's by more than rounding. */
export function wrongGradientLayers(s: Sample): Set<number> {
  const scale = Math.max(...Array.from(s.expected.grad, Math.abs), 1e-300);
  const layers = new Set<number>();
  const kinks = kinksOf(s.c);
  let at = 0;
  s.c.theta.forEach((T, l) => {
    for (let q = 0; q < T.data.length; q++)
      if (!kinks?.[at + q] && !(Math.abs(s.got.grad[at + q] - s.expected.grad[at + q]) <= 1e-7 * scale + 1e-12)) layers.add(l);
    at += T.data.length;
  });
  return layers;
}
