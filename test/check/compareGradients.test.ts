import { describe, expect, it } from "vitest";
import {
  assertGradient,
  checkGradient,
  compareGradients,
  defaultTolerance,
  directionalCheck,
  GradientCheckError,
  renderComparison,
  toleranceFormula,
  type Finding,
} from "../../src/check/index.ts";
import { fdGradient } from "../../src/numeric/index.ts";
import { rng } from "../../src/numeric/random.ts";
import { findingInfo } from "../../src/outcome/index.ts";

// f(x) = Σ_i (i+1)·x_i² + x_0·x_1, gradient exact.
const f = (x: Float64Array) => x.reduce((s, v, i) => s + (i + 1) * v * v, 0) + x[0] * x[1];
const grad = (x: ArrayLike<number>) => Array.from(x, (v, i) => 2 * (i + 1) * v + (i === 0 ? x[1] : i === 1 ? x[0] : 0));
const x = [0.3, -1.2, 2.5, 0.7, -0.4, 1.1];
// Pretend it is a 2×3 matrix: column 0 is the bias.
const locate = (p: number) => ({ layer: 0, row: Math.floor(p / 3), column: p % 3 });

const kinds = (fs: readonly Finding[]) => fs.map((f) => f.kind);

describe("compareGradients", () => {
  const numerical = fdGradient(f, x);

  it("passes a correct gradient, with the formula it applied", () => {
    const r = compareGradients(grad(x), numerical, { locate });
    expect(r.passed).toBe(true);
    expect(r.entries).toBe(6);
    expect(r.findings).toEqual([]);
    expect(r.formula).toBe(toleranceFormula(defaultTolerance));
    expect(r.relativeDifference).toBeLessThan(1e-12);
  });

  it("names a planted 1e-6 relative error: where, expected, actual, errors, tolerance", () => {
    const g = grad(x);
    g[4] *= 1 + 1e-6;
    const r = compareGradients(g, numerical, { locate });
    expect(r.passed).toBe(false);
    expect(r.failed).toBe(1);
    const w = r.worst[0];
    expect(w).toMatchObject({ index: 4, location: { layer: 0, row: 1, column: 1 }, verdict: "fail" });
    expect(w.absError).toBeCloseTo(Math.abs(g[4] - numerical.estimate[4]), 20);
    expect(w.relError).toBeGreaterThan(9e-7);
    expect(w.absError).toBeGreaterThan(w.tolerance);
    const text = renderComparison(r).join("\n");
    expect(text).toContain("FAIL");
    // A location without a label is named by its index: check invents no layer-and-row name.
    expect(w.label).toBe("[4]");
    expect(text).toContain("[4]");
    const named = compareGradients(g, numerical, { locate: (p) => ({ ...locate(p), label: `W[${p}]` }) });
    expect(renderComparison(named).join("\n")).toContain("W[4]");
    expect(text).toContain(r.formula);
  });

  it("summarises per layer with the bias column apart", () => {
    const g = grad(x);
    g[1] += 1e-3;
    const r = compareGradients(g, numerical, { locate });
    expect(r.layers).toHaveLength(1);
    expect(r.layers[0].bias).toMatchObject({ count: 2, failed: 0 });
    expect(r.layers[0].weights).toMatchObject({ count: 4, failed: 1 });
  });

  it("NaN and infinite entries are findings; the other entries are still compared", () => {
    const g = grad(x);
    g[2] = NaN;
    g[5] = Infinity;
    g[0] += 1;
    const r = compareGradients(g, numerical, { locate });
    expect(r.passed).toBe(false);
    expect(kinds(r.findings)).toEqual(["gradient-mismatch", "non-finite"]);
    const nf = r.findings[1];
    expect(nf.kind === "non-finite" && nf.entries.map((e) => e.index)).toEqual([2, 5]);
    expect(r.entries).toBe(4);
  });

  it("a wrong length is reported first and alone: no shifted entries are compared", () => {
    const g = grad(x);
    const r = compareGradients([...g.slice(0, 2), ...g.slice(3)], numerical);
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([{ kind: "wrong-gradient-length", expected: 6, actual: 5 }]);
    expect(r.entries).toBe(0);
    expect(renderComparison(r).join("\n")).not.toMatch(/differ from finite differences/);
  });

  it("something that is not an array is a finding, not a crash", () => {
    for (const bad of [undefined, null, 42, "grad", { J: 1 }]) {
      const r = compareGradients(bad, numerical);
      expect(r.passed).toBe(false);
      expect(kinds(r.findings)).toEqual(["not-a-gradient"]);
      expect(renderComparison(r).join("\n")).toContain(findingInfo["not-a-gradient"].title);
    }
  });

  it("kinks are set aside as not differentiable, not as failures, within the share a check may set aside", () => {
    const h = (v: Float64Array) => Math.abs(v[0]) + v[1] * v[1];
    const r = checkGradient(h, (v) => [v[0] > 0 ? 1 : -1, 2 * v[1]], [0, 0.5], { maxSetAside: 0.5 });
    expect(r.passed).toBe(true);
    expect(r.notDifferentiable).toBe(1);
    expect(kinds(r.findings)).toEqual(["not-differentiable"]);
  });

  it("a check that set aside more than its share fails, saying so: half the entries on a kink is no pass", () => {
    const h = (v: Float64Array) => Math.abs(v[0]) + v[1] * v[1];
    const r = checkGradient(h, (v) => [v[0] > 0 ? 1 : -1, 2 * v[1]], [0, 0.5]);
    expect(r.passed).toBe(false);
    expect(kinds(r.findings)).toEqual(["not-differentiable", "too-few-compared"]);
    expect(r.findings[1]).toMatchObject({ entries: 2, judged: 1, notDifferentiable: 1, tooNoisy: 0, maxSetAside: 0.1 });
    expect(renderComparison(r).join("\n")).toMatch(
      /1 entries compared, 0 outside tolerance, 1 set aside \(1 not differentiable here\)[\s\S]*Too few entries compared/,
    );
  });

  it("honours a caller's tolerance", () => {
    const g = grad(x);
    g[3] *= 1 + 1e-6;
    expect(compareGradients(g, numerical, { tolerance: { rtol: 1e-5 } }).passed).toBe(true);
  });
});

describe("checkGradient", () => {
  it("a gradient function that throws is a finding", () => {
    const r = checkGradient(
      f,
      () => {
        throw new Error("index out of range");
      },
      x,
    );
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([{ kind: "threw", during: "gradient", message: "index out of range" }]);
  });

  it("a cost that throws is a finding", () => {
    const r = checkGradient(
      () => {
        throw new TypeError("bad cost");
      },
      grad,
      x,
    );
    expect(r.findings).toEqual([{ kind: "threw", during: "cost", message: "bad cost" }]);
  });

  it("a cost that is NaN near the point makes the entries unverifiable, not passed", () => {
    const r = checkGradient(
      (v) => (v[0] > 0.3 ? NaN : v[0]),
      () => [1],
      [0.3],
    );
    expect(r.passed).toBe(false);
    expect(kinds(r.findings)).toContain("non-finite-numerical");
  });

  it("never modifies x", () => {
    const xs = Float64Array.from(x),
      before = xs.slice();
    checkGradient(
      f,
      (v) => {
        v[0] = 100;
        return grad(v);
      },
      xs,
    );
    expect(xs).toEqual(before);
  });

  it("assertGradient throws the rendered report", () => {
    expect(() => assertGradient(f, grad, x)).not.toThrow();
    expect(() => assertGradient(f, (v) => grad(v).map((g) => 2 * g), x)).toThrow(GradientCheckError);
  });
});

describe("directionalCheck", () => {
  it("passes a correct gradient and catches a transposed pair that all-ones would miss", () => {
    expect(directionalCheck(f, grad, x).passed).toBe(true);
    const g = grad(x);
    [g[1], g[2]] = [g[2], g[1]];
    const r = directionalCheck(f, g, x, { random: rng(1), directions: 2 });
    expect(r.passed).toBe(false);
    expect(r.directions.every((d) => !d.passed)).toBe(true);
  });
});
