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
  const outputBias = test.kind !== "stable-cost" ? undefined : family.outputActivation === "softmax" ? "overflow" : "saturate";
  const random = rng((seed ^ idHash(test.id)) >>> 0);
  const spec = test.networks;
  // The draws are made in a fixed order (sizes, m, labels, Θ, X): the same seed, the same networks.
  return Array.from({ length: spec.runs }, (_, run) => {
    const layerSizes = drawLayerSizes(random, spec);
    const m = draw(random, spec.m),
      K = layerSizes[layerSizes.length - 1];
    const labels = Array.from({ length: m }, () => Math.floor(random() * (K === 1 ? 2 : K)));
    const theta = drawTheta(random, layerSizes, outputBias);
    return {
      name: `${test.id}-${run + 1}-[${layerSizes}]-m${m}`,
      layerSizes,
      ...family,
      lambda: lambdasOf(spec)[run % lambdasOf(spec).length],
      X: matrix(
        m,
        layerSizes[0],
        Array.from({ length: m * layerSizes[0] }, () => tenths(random, 20)),
      ),
      Y: matrix(m, K, oneHotRows(labels, K)),
      theta,
      labels,
    };
  });
}

function drawLayerSizes(random: Rng, spec: RubricTest["networks"]): number[] {
  const depth = draw(random, spec.hiddenLayers);
  return [draw(random, spec.inputs), ...Array.from({ length: depth }, () => draw(random, spec.hiddenUnits)), draw(random, spec.K)];
}

/**
 * Θ in tenths; for the stable-cost test the output layer's biases saturate every output unit
 * (a random sign each) or, with a softmax output, overflow e^z.
 */
function drawTheta(random: Rng, layerSizes: readonly number[], outputBias: "saturate" | "overflow" | undefined) {
  const shapes = thetaShapes(layerSizes);
  return shapes.map(([r, c], l) =>
    matrix(
      r,
      c,
      Array.from({ length: r * c }, (_, q) => {
        if (outputBias && l === shapes.length - 1 && q % c === 0) {
          const sign = random() < 0.5 ? -1 : 1;
          return outputBias === "overflow" ? overflowShift : sign * saturatingBias;
        }
        return tenths(random, 15);
      }),
    ),
  );
}

/** A multiple of 0.1 in [−max/10, max/10], so a counterexample reads plainly. */
function tenths(random: Rng, max: number): number {
  return Math.round((2 * random() - 1) * max) / 10;
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
