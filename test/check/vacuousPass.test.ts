import { describe, expect, it } from "vitest";
import { checkGradient } from "../../src/check/checkGradient.ts";
import { compareGradients } from "../../src/check/compareGradients.ts";
import { renderComparison } from "../../src/check/renderComparison.ts";
import { gaussian, rng } from "../../src/numeric/random.ts";
import { measureNoise } from "../../src/numeric/measureNoise.ts";

/**
 * Logistic regression J(w) = (1/m) Σ softplus(xᵢ·w) − yᵢ·xᵢ·w, every operation rounded to
 * float32 when `single` (a loss computed in single precision) or left in float64; its gradient
 * in float64. Sizes, data and point are drawn from the seed.
 */
function logisticRegression(seed: number, single: boolean) {
  const random = rng(seed);
  const n = 2 + Math.floor(random() * 6),
    m = 3 + Math.floor(random() * 8);
  const X = Array.from({ length: m }, () => Array.from({ length: n }, () => gaussian(random)));
  const y = Array.from({ length: m }, () => (random() < 0.5 ? 0 : 1));
  const w0 = Float64Array.from({ length: n }, () => gaussian(random));
  const r = single ? Math.fround : (q: number) => q;
  const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
  const J = (w: Float64Array) => {
    let total = 0;
    for (let i = 0; i < m; i++) {
      let z = 0;
      for (let j = 0; j < n; j++) z = r(z + r(r(w[j]!) * r(X[i]![j]!)));
      total = r(total + r(r(softplus(z)) - r(y[i]! * z)));
    }
    return r(total / m);
  };
  const gradient = (w: Float64Array) => {
    const g = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      let z = 0;
      for (let j = 0; j < n; j++) z += w[j]! * X[i]![j]!;
      const h = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < n; j++) g[j]! += ((h - y[i]!) * X[i]![j]!) / m;
    }
    return g;
  };
  return { J, gradient, w0 };
}

const regressions = 200;

describe("never a vacuous pass: 200 random logistic regressions", () => {
  for (const [title, single, options] of [
    ["float64", false, {}],
    ["float32, precision measured", true, {}],
    ["float32, precision stated", true, { precision: "float32" }],
  ] as const) {
    it(`${title}: the right gradient always passes, an all-zero and a sign-flipped one always fail`, () => {
      const outcomes = { right: 0, zero: 0, flipped: 0, setAside: 0 };
      for (let seed = 0; seed < regressions; seed++) {
        const { J, gradient, w0 } = logisticRegression(seed, single);
        const right = checkGradient(J, gradient, w0, options);
        if (right.passed) outcomes.right++;
        outcomes.setAside += right.notDifferentiable + right.undecided;
        if (!checkGradient(J, (w) => new Float64Array(w.length), w0, options).passed) outcomes.zero++;
        if (!checkGradient(J, (w) => gradient(w).map((g) => -g), w0, options).passed) outcomes.flipped++;
      }
      expect(outcomes).toEqual({ right: regressions, zero: regressions, flipped: regressions, setAside: 0 });
    });
  }

  it("float32 noise is measured and reported, not taken for kinks; float64 is told apart", () => {
    const single = logisticRegression(3, true),
      double = logisticRegression(3, false);
    const c = checkGradient(single.J, single.gradient, single.w0);
    expect(c.precision).toMatchObject({ used: "float32", chosenBy: "measured" });
    expect(c.precision!.relativeNoise!).toBeGreaterThan(1e-10);
    expect(renderComparison(c).join("\n")).toMatch(/precision: float32 \(measured\); f's noise relative to \|f\|: \d/);
    expect(checkGradient(double.J, double.gradient, double.w0).precision).toMatchObject({ used: "float64", chosenBy: "measured" });
    expect(measureNoise(double.J, double.w0).relative!).toBeLessThan(1e-14);
  });
});

it("a float32 ramp whose rounding repeats in step with a power-of-two probe is still seen as float32", () => {
  const f32 = (x: Float64Array) => Math.fround(Math.fround(x[0]! * x[0]!) + Math.fround(Math.sin(x[1]!)));
  expect(measureNoise(f32, [0.7, 0.2]).relative!).toBeGreaterThan(1e-10);
  expect(checkGradient(f32, () => [0, 0], [0.7, 0.2]).passed).toBe(false);
  expect(checkGradient(f32, (x) => [2 * x[0]!, Math.cos(x[1]!)], [0.7, 0.2]).passed).toBe(true);
});

describe("a check that set aside too much fails, saying how to fix it", () => {
  const numerical = { estimate: Float64Array.of(1, 2, 3), errorBound: Float64Array.of(0, 0, 0), kink: Uint8Array.of(1, 1, 0) };

  it("two of three entries on kinks: the one compared entry is no pass", () => {
    const c = compareGradients([0, 0, 3], numerical);
    expect(c.passed).toBe(false);
    expect(c.findings.at(-1)).toMatchObject({ kind: "too-few-compared", entries: 3, judged: 1, notDifferentiable: 2 });
    expect(renderComparison(c).join("\n")).toMatch(/Too few entries compared[\s\S]*hint: .*precision: "float32" or raise the step/);
    expect(compareGradients([0, 0, 3], numerical, { maxSetAside: 2 / 3 }).passed).toBe(true);
  });

  it("comparing nothing fails", () => {
    const c = compareGradients([], { estimate: new Float64Array(0), errorBound: new Float64Array(0) });
    expect(c.passed).toBe(false);
    expect(c.findings.map((f) => f.kind)).toEqual(["too-few-compared"]);
  });

  it("an entry whose error bound exceeds the cap is set aside as too noisy, then counted against the share", () => {
    // e = 0.1 against |n| = 1: 4e would allow 0.4, the cap allows 0.01; 0.2 off is neither a pass nor beyond 4e.
    const noisy = { estimate: Float64Array.of(1, 1), errorBound: Float64Array.of(0.1, 0) };
    const c = compareGradients([1.2, 1], noisy);
    expect(c.compared.map((r) => r.verdict)).toEqual(["undecided", "pass"]);
    expect(c.findings.map((f) => f.kind)).toEqual(["too-noisy", "too-few-compared"]);
    expect(compareGradients([1.005, 1], noisy).passed).toBe(true);
    expect(compareGradients([1.5, 1], noisy).compared[0]!.verdict).toBe("fail");
  });
});
