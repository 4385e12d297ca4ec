import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  centralFdm,
  directionalDerivative,
  fdGradient,
  fdPartial,
  forwardFdm,
  randomUnitDirection,
  richardson,
} from "../../src/numeric/index.ts";
import { rng } from "../../src/numeric/random.ts";

/** f(x) = Σ c_i·sin(a_i x_i) + exp(b·x_0·x_1)/… with its exact gradient, drawn from a seed. */
function smooth(seed: number, n: number) {
  const r = rng(seed);
  const a = Array.from({ length: n }, () => 0.5 + 3 * r()),
    c = Array.from({ length: n }, () => 4 * r() - 2);
  const b = r() - 0.5;
  const f = (x: Float64Array) => {
    let s = Math.exp(b * x[0] * x[n - 1]);
    for (let i = 0; i < n; i++) s += c[i] * Math.sin(a[i] * x[i]);
    return s;
  };
  const grad = (x: ArrayLike<number>) => {
    const g = Array.from({ length: n }, (_, i) => c[i] * a[i] * Math.cos(a[i] * x[i]));
    const e = Math.exp(b * x[0] * x[n - 1]);
    g[0] += b * x[n - 1] * e;
    g[n - 1] += b * x[0] * e;
    return g;
  };
  const x = Array.from({ length: n }, () => 6 * r() - 3);
  return { f, grad, x };
}

describe("finite differences of a plain function", () => {
  it("the a-posteriori error bound of Richardson extrapolation holds, per entry", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 6 }), (seed, n) => {
        const { f, grad, x } = smooth(seed, n);
        const g = grad(x);
        for (const method of [
          richardson(),
          richardson(centralFdm(5), { levels: 4 }),
          richardson(centralFdm(3), { levels: 3, ratio: 1.5 }),
        ]) {
          const fd = fdGradient(f, x, { method });
          // The bound is an estimate (Ridders' a-posteriori error plus modelled round-off of a
          // black-box f); it may be low by a small factor, which the checker's safety factor covers.
          g.forEach((v, i) =>
            expect(Math.abs(fd.estimate[i] - v), `${method.name}, seed ${seed}, entry ${i}`).toBeLessThanOrEqual(2 * fd.errorBound[i]),
          );
        }
      }),
      { seed: 12345, numRuns: 100 },
    );
  });

  it("plain stencils state an a-priori bound that holds when f's derivatives are of the size of f", () => {
    const f = (v: Float64Array) => Math.exp(0.5 * v[0]) + Math.log(2 + v[1] * v[1]);
    const exact = [0.5 * Math.exp(0.35), (2 * -1.3) / (2 + 1.69)];
    for (const method of [centralFdm(3), centralFdm(5), forwardFdm(2)]) {
      const fd = fdGradient(f, [0.7, -1.3], { method });
      exact.forEach((v, i) => expect(Math.abs(fd.estimate[i] - v), method.name).toBeLessThanOrEqual(fd.errorBound[i]));
      expect(fd.evaluations).toBe(1 + 2 * (method.grid.length - 1));
    }
  });

  it("Richardson reaches ~1e-12 on smooth functions of order 1", () => {
    const { f, grad, x } = smooth(1, 5);
    const fd = fdGradient(f, x);
    grad(x).forEach((v, i) => expect(Math.abs(fd.estimate[i] - v)).toBeLessThan(1e-11));
    expect(fd.evaluations).toBe(1 + 5 * 12);
  });

  it("never modifies x, even when f throws or scribbles on its argument", () => {
    const x = Float64Array.from([1, 2, 3]);
    const before = x.slice();
    fdGradient((v) => v[0] * v[1] + v[2] ** 2, x);
    expect(x).toEqual(before);
    let calls = 0;
    expect(() =>
      fdGradient((v) => {
        if (++calls > 4) throw new Error("boom");
        return v[0];
      }, x),
    ).toThrow("boom");
    expect(x).toEqual(before);
    fdGradient((v) => {
      const s = v[0] + v[1];
      v[2] = 99;
      return s;
    }, x);
    expect(x).toEqual(before);
  });

  it("restores the saved value bit for bit between evaluations", () => {
    const seen: number[] = [];
    const x = [0.1, 1 / 3];
    fdGradient(
      (v) => {
        seen.push(v[1]);
        return v[0] * v[1];
      },
      x,
      { method: centralFdm(3), indices: [0] },
    );
    expect(seen.every((s) => s === 1 / 3)).toBe(true);
  });

  it("indices: only those entries, the others NaN", () => {
    const fd = fdGradient((v) => v[0] + 2 * v[1] + 3 * v[2], [0, 0, 0], { indices: [2] });
    expect(fd.estimate[2]).toBeCloseTo(3, 12);
    expect(Number.isNaN(fd.estimate[0])).toBe(true);
    expect(fd.indices).toEqual([2]);
  });

  it("reports a kink of |x| as not differentiable, not as a derivative", () => {
    const fd = fdGradient((v) => Math.abs(v[0]) + v[1] ** 2, [1e-9, 0.5]);
    expect(fd.kink[0]).toBe(1);
    expect(fd.kink[1]).toBe(0);
    expect(fd.errorBound[0]).toBeGreaterThan(0.9);
    expect(Math.abs(fd.estimate[1] - 1)).toBeLessThan(1e-12);
  });

  it("one-sided stencils work where only one side exists", () => {
    const e = fdPartial((v) => Math.sqrt(v[0]), [1], 0, { method: forwardFdm(3) });
    expect(Math.abs(e.estimate - 0.5)).toBeLessThanOrEqual(e.errorBound);
  });
});

describe("directional derivatives", () => {
  it("random unit directions are unit and seeded", () => {
    const v = randomUnitDirection(50, rng(3));
    expect(Math.hypot(...v)).toBeCloseTo(1, 14);
    expect(randomUnitDirection(50, rng(3))).toEqual(v);
  });

  it("equal gᵀv within the bound, in O(1) evaluations of f", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 20 }), (seed, n) => {
        const { f, grad, x } = smooth(seed, n);
        const v = randomUnitDirection(n, rng(seed));
        let calls = 0;
        const e = directionalDerivative((w) => (calls++, f(w)), x, v);
        const exact = grad(x).reduce((s, gi, i) => s + gi * v[i], 0);
        expect(Math.abs(e.estimate - exact)).toBeLessThanOrEqual(e.errorBound + 1e-15 * n);
        expect(calls).toBeLessThanOrEqual(1 + 12 + 6);
      }),
      { seed: 777, numRuns: 60 },
    );
  });
});
