import { mistakesFor, type NnCostFunction } from "../../mistakes/index.ts";
import { thetaEntryAt, thetaName } from "../../network/thetaEntry.ts";
import { requestOf } from "../requestOf.ts";
import type { Clue } from "./Clue.ts";
import { allNear, gradientRight, near, type Evidence, type Sample } from "./Evidence.ts";

/**
 * Does the mistake give the submission's answer on this sample, while its own answer there
 * differs from the right one? A slip that coincides with the right formula on a case (λ = 0,
 * K = 1) tells nothing apart there, so it reproduces nothing.
 */
async function reproduces(fn: NnCostFunction, s: Sample): Promise<boolean> {
  const r = requestOf(s.c);
  const mine = await fn(
    Float64Array.from(r.params),
    r.layerSizes.slice(),
    r.X.map((x) => x.slice()),
    r.y.slice(),
    r.lambda,
  );
  const grad = Float64Array.from(mine.grad);
  // entries at a relu kink may take either one-sided derivative, the right answer's included
  const toldApart = !(near(mine.J, s.expected.J, 1e-8) && gradientRight({ ...s, got: { J: mine.J, grad } }));
  return toldApart && near(mine.J, s.got.J, 1e-8) && allNear(s.got.grad, grad, 1e-8);
}

/** The layers of Θ whose gradient is wrong on a case, by name. */
function wrongLayers(s: Sample): string[] {
  const scale = Math.max(...Array.from(s.expected.grad, Math.abs), 1e-300);
  const layers = new Set<number>();
  for (let p = 0; p < s.expected.grad.length; p++) {
    if (Math.abs(s.got.grad[p] - s.expected.grad[p]) > 1e-7 * scale + 1e-12) layers.add(thetaEntryAt(p, s.c.layerSizes).layer);
  }
  return [...layers].sort().map(thetaName);
}

/**
 * A catalogued mistake reproduces the counterexample exactly but not the larger networks: on
 * a small network one slip in one layer is the whole mistake, on a deeper one it is not. Says
 * which layers are wrong on the networks the mistake does not reproduce.
 */
export async function nearMatch(e: Evidence): Promise<Clue | undefined> {
  const [first, ...rest] = e.samples;
  // only a wrong answer can nearly match a mistake (a right one matches any slip that happens not to show)
  if (rest.length === 0 || (near(first.got.J, first.expected.J, 1e-9) && allNear(first.got.grad, first.expected.grad, 1e-9)))
    return undefined;
  // only the assignment's own family: a sigmoid network's answer says nothing about softmax's slips
  const { hiddenActivation, outputActivation, cost } = first.c;
  for (const [id, fn] of mistakesFor({ hiddenActivation, outputActivation, cost })) {
    if (!(await reproduces(fn, first))) continue;
    const misses: Sample[] = [];
    for (const s of rest) if (!(await reproduces(fn, s))) misses.push(s);
    if (misses.length === 0) continue;
    const layers = [...new Set(misses.flatMap(wrongLayers))];
    const inLayers = layers.length > 0 ? `; there only ${layers.join(", ")} ${layers.length > 1 ? "are" : "is"} wrong` : "";
    return {
      id: "near-match",
      message: `${id} reproduces the counterexample (layerSizes [${first.c.layerSizes}]) exactly but not ${misses.length} larger network${misses.length > 1 ? "s" : ""} (e.g. [${misses[0].c.layerSizes}])${inLayers}: the same slip, in one layer only?`,
    };
  }
  return undefined;
}
