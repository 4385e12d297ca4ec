import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loopBackprop, slideD } from "../../src/backprop/loop.ts";
import { gradientMethods, type GradientMethod } from "../../src/methods.ts";
import type { Problem, Theta } from "../../src/network/Network.ts";
import {
  affineInLambda,
  caseArbitrary,
  halvesAverage,
  holds,
  matchesFiniteDifferences,
  methodsAgree,
  networkArbitrary,
  numRuns,
  permutationInvariant,
  propertySeed,
  regularizerSkipsBias,
} from "../../properties/index.ts";

// Fixed seeds; GRADCHECK_RUNS=2000 (and GRADCHECK_SEED=…) for a long hunt.
const seed = propertySeed(20240601);
const runs = numRuns(100);

/** The methods under test: the two hand-written forms and the tape. */
const methods: Array<[string, GradientMethod]> = [
  ["backprop", gradientMethods.backprop],
  ["loop", gradientMethods.loop],
  ["tape", gradientMethods.tape],
];

describe("loop = batch = tape", () => {
  it(`agree to ~1e-12 on ${runs} random networks (all activations, costs, λ regimes, ordinary/saturated/tiny values)`, () => {
    fc.assert(
      fc.property(caseArbitrary(), (c) => holds(methodsAgree(c))),
      { seed, numRuns: runs },
    );
  });
});

// Smooth activations only: finite differences across relu's kink measure the kink, not the rule.
const smooth = caseArbitrary({
  maxDepth: 4,
  maxWidth: 6,
  maxExamples: 5,
  network: networkArbitrary({ maxDepth: 4, maxWidth: 6 }).filter((n) => n.hiddenActivation !== "relu"),
  weights: fc.constantFrom("ordinary" as const, "tiny" as const),
  data: fc.constantFrom("ordinary" as const, "tiny" as const),
});

describe.each(methods)("%s", (_name, method) => {
  it("≈ finite differences of J under the checker's tolerance", () => {
    fc.assert(
      fc.property(smooth, (c) => holds(matchesFiniteDifferences(method)(c))),
      { seed, numRuns: numRuns(25) },
    );
  });
  it("the regulariser never touches the bias column", () => {
    fc.assert(
      fc.property(caseArbitrary(), (c) => holds(regularizerSkipsBias(method)(c))),
      { seed, numRuns: runs },
    );
  });
  it("∂J/∂Θ is affine in λ with slope Θ/m off the bias column", () => {
    fc.assert(
      fc.property(caseArbitrary(), (c) => holds(affineInLambda(method)(c))),
      { seed, numRuns: runs },
    );
  });
  it("permuting the examples changes neither J nor ∇J", () => {
    fc.assert(
      fc.property(caseArbitrary(), fc.nat(), (c, s) => {
        const order = shuffled(c.X.rows, s);
        return holds(permutationInvariant(method)(c, order));
      }),
      { seed, numRuns: runs },
    );
  });
  it("J and ∇J of a batch are the size-weighted means of its two halves", () => {
    fc.assert(
      fc.property(caseArbitrary(), fc.nat(), (c, k) => holds(halvesAverage(method)(c, k))),
      { seed, numRuns: runs },
    );
  });
});

function shuffled(m: number, s: number): number[] {
  const order = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

describe("the properties can fail: planted bugs are caught and shrunk", () => {
  const slide: GradientMethod = (p: Problem, t: Theta) => loopBackprop(p, t, slideD);
  it("the slide's λΘ breaks affinity in λ, with m ≥ 2 and λ > 0 in the shrunk case", () => {
    const details = fc.check(
      fc.property(caseArbitrary(), (c) => holds(affineInLambda(slide)(c))),
      { seed },
    );
    expect(details.failed).toBe(true);
    const [c] = details.counterexample!;
    expect(c.X.rows).toBe(2);
    expect(c.lambda).toBeGreaterThan(0);
    expect(c.layerSizes.length).toBe(2);
    expect(Math.max(...c.layerSizes)).toBeLessThanOrEqual(2);
  });
  it("the slide's λΘ is caught by finite differences", () => {
    const details = fc.check(
      fc.property(smooth, (c) => holds(matchesFiniteDifferences(slide)(c))),
      { seed, numRuns: 50 },
    );
    expect(details.failed).toBe(true);
  });
  it("a gradient that regularises the bias column is caught", () => {
    const biased: GradientMethod = (p, t) => {
      const r = gradientMethods.backprop(p, t);
      const grad = r.grad.map((D, l) => ({
        ...D,
        data: D.data.map((x, q) => (q % D.cols === 0 ? x + (p.lambda / p.X.rows) * t[l].data[q] : x)),
      }));
      return { J: r.J, grad };
    };
    expect(
      fc.check(
        fc.property(caseArbitrary(), (c) => holds(regularizerSkipsBias(biased)(c))),
        { seed },
      ).failed,
    ).toBe(true);
  });
  it("a cost that weights the first example double is caught by permutation and by halves", () => {
    const skewed: GradientMethod = (p, t) => {
      const r = gradientMethods.backprop(p, t);
      const first = gradientMethods.backprop(
        {
          ...p,
          lambda: 0,
          X: { rows: 1, cols: p.X.cols, data: p.X.data.slice(0, p.X.cols) },
          Y: { rows: 1, cols: p.Y.cols, data: p.Y.data.slice(0, p.Y.cols) },
        },
        t,
      );
      return { J: r.J + first.J, grad: r.grad };
    };
    expect(
      fc.check(
        fc.property(caseArbitrary(), fc.nat(), (c, s) => holds(permutationInvariant(skewed)(c, shuffled(c.X.rows, s)))),
        { seed },
      ).failed,
    ).toBe(true);
    expect(
      fc.check(
        fc.property(caseArbitrary(), fc.nat(), (c, k) => holds(halvesAverage(skewed)(c, k))),
        { seed },
      ).failed,
    ).toBe(true);
  });
});
