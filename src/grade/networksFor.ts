import { matrix } from "../linalg/Matrix.ts";
import { oneHotRows, type LabelledCase } from "../network/labels.ts";
import { thetaShapes } from "../network/theta.ts";
import { rng, type Rng } from "../numeric/random.ts";
import { defaultAssignment, outputOf, type Assignment } from "../judge/Assignment.ts";
import { overflowShift } from "../judge/submissionCaseArbitrary.ts";
import { lambdasOf, type RangeSpec, type RubricTest } from "./Rubric.ts";

/**
 * A bias that puts every output unit deep in saturation: σ(40) rounds to 1.0 in float64, so
 * log(1 − h) computed naively is −∞ while the exact cost stays finite.
 */
const saturatingBias = 40;
// With a softmax output the stable-cost test raises every output bias by 800 instead, as check's
// overflow regime does: e^z overflows, yet softmax and the cost are those of the unshifted network.

/**
 * The networks one rubric test runs on, drawn from the class's seed and the test's id: every
 * student gets the same networks, and adding a test to the rubric does not change the others'.
 * Values are multiples of 0.1, as in `gradcheck check`, so a counterexample reads plainly. The
 * family (activations, cost) is the rubric's assignment's; the draws do not depend on it.
 */
export function networksFor(test: RubricTest, seed: number, assignment: Assignment = defaultAssignment): LabelledCase[] {
  const family = { hiddenActivation: assignment.hiddenActivation, ...outputOf(assignment.output) };
  const softmax = family.outputActivation === "softmax";
  const random = rng((seed ^ idHash(test.id)) >>> 0);
  const spec = test.networks;
  return Array.from({ length: spec.runs }, (_, run) => {
    const depth = draw(random, spec.hiddenLayers);
    const layerSizes = [
      draw(random, spec.inputs),
      ...Array.from({ length: depth }, () => draw(random, spec.hiddenUnits)),
      draw(random, spec.K),
    ];
    const m = draw(random, spec.m),
      K = layerSizes[layerSizes.length - 1];
    const labels = Array.from({ length: m }, () => Math.floor(random() * (K === 1 ? 2 : K)));
    const tenths = (max: number) => Math.round((2 * random() - 1) * max) / 10;
    const shapes = thetaShapes(layerSizes);
    const theta = shapes.map(([r, c], l) =>
      matrix(
        r,
        c,
        Array.from({ length: r * c }, (_, q) => {
          if (test.kind === "stable-cost" && l === shapes.length - 1 && q % c === 0) {
            const sign = random() < 0.5 ? -1 : 1;
            return softmax ? overflowShift : sign * saturatingBias;
          }
          return tenths(15);
        }),
      ),
    );
    return {
      name: `${test.id}-${run + 1}-[${layerSizes}]-m${m}`,
      layerSizes,
      ...family,
      lambda: lambdasOf(spec)[run % lambdasOf(spec).length],
      X: matrix(
        m,
        layerSizes[0],
        Array.from({ length: m * layerSizes[0] }, () => tenths(20)),
      ),
      Y: matrix(m, K, oneHotRows(labels, K)),
      theta,
      labels,
    };
  });
}

function draw(random: Rng, [min, max]: RangeSpec): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** FNV-1a: a stable 32-bit number for a test id. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
