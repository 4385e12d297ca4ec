import { matrix } from "../../linalg/Matrix.ts";
import type { LabelledCase } from "../../network/labels.ts";
import { thetaName } from "../../network/thetaEntry.ts";
import type { Clue } from "./Clue.ts";
import { costRight, gradientRight, type Evidence, type Sample } from "./Evidence.ts";
import { rulesFitting, ruleNames, wrongGradientLayers } from "./layerRules.ts";
import { hiddenLayers } from "./probes.ts";

const wrong = (s: Sample) => !costRight(s) || !gradientRight(s);

/**
 * A bug that only deeper networks show: every network with fewer than d hidden layers (d ≥ 2)
 * is right, every wrong one has d or more. The location is said by position ("every layer past
 * the second"), so that it holds whatever the depth, rather than as a list of entries. The
 * counterexample one hidden layer shallower is asked of the submission to confirm.
 */
export async function deepOnly(e: Evidence): Promise<Clue | undefined> {
  const samples = [...e.samples];
  const first = samples[0];
  if (!wrong(first) && !samples.some(wrong)) return undefined;
  if (e.ask && hiddenLayers(first.c) >= 2) {
    const twin = await e.ask(shallower(first.c));
    if (twin) samples.push(twin);
  }
  const bad = samples.filter(wrong);
  const d = Math.min(...bad.map((s) => hiddenLayers(s.c)));
  const fine = samples.filter((s) => hiddenLayers(s.c) < d);
  if (d < 2 || fine.length === 0 || fine.some(wrong)) return undefined;
  // a name by position must also name nothing on the shallower networks, which are right
  const rules = rulesFitting([...bad, ...fine].map((s) => ({ n: s.c.theta.length, layers: wrongGradientLayers(s) })));
  const layers = [...wrongGradientLayers(bad[0])].map(thetaName);
  const where =
    rules.length > 0
      ? `the wrong entries of ∇J lie in ${ruleNames(rules)}`
      : layers.length > 0
        ? `on [${bad[0].c.layerSizes}] the wrong entries of ∇J lie in ${layers.join(", ")}`
        : "∇J is right there and only J is wrong";
  return {
    id: "deep-only",
    value: d,
    message: `wrong only on networks with ${d} or more hidden layers (right on all ${fine.length} with fewer, e.g. [${fine[0].c.layerSizes}]); there ${where}: the slip is in code that runs only past the ${d === 2 ? "first" : d === 3 ? "second" : `${d - 1}th`} hidden layer (a loop bound, or an index such as l − 2?). Confirm with a network of ${d - 1} hidden layer${d - 1 > 1 ? "s" : ""}: it passes`,
  };
}

/** The case without its last hidden layer; the output layer's Θ keeps its rows, its columns cut or repeated to fit. */
export function shallower(c: LabelledCase): LabelledCase {
  const L = c.layerSizes.length;
  const layerSizes = [...c.layerSizes.slice(0, L - 2), c.layerSizes[L - 1]];
  const last = c.theta[L - 2],
    cols = layerSizes[L - 3] + 1;
  const data: number[] = [];
  for (let r = 0; r < last.rows; r++) for (let j = 0; j < cols; j++) data.push(last.data[r * last.cols + Math.min(j, last.cols - 1)]);
  return {
    ...c,
    name: `${c.name}-shallower`,
    layerSizes,
    theta: [...c.theta.slice(0, L - 3), matrix(last.rows, cols, data)],
  };
}
