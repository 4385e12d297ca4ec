import { describe, expect, it } from "vitest";
import { checkGradient } from "../../src/check/checkGradient.ts";
import { checkJacobian } from "../../src/check/checkJacobian.ts";
import { compareGradients } from "../../src/check/compareGradients.ts";
import { renderComparison } from "../../src/check/renderComparison.ts";
import { thetaLocate } from "../../src/fdnet/thetaLocate.ts";
import { networkHints } from "../../src/fdnet/networkHints.ts";
import { gradcheck } from "../../src/check/gradcheck.ts";
import type { Value } from "../../src/tape/Value.ts";

const text = (c: { findings: readonly unknown[] } & Parameters<typeof renderComparison>[0]) => renderComparison(c).join("\n");
const kinds = (c: { findings: readonly { kind: string }[] }) => c.findings.map((f) => f.kind);

describe("messages name what happened", () => {
  it("a wrong-shape Jacobian is a wrong shape, not 'the function threw'", () => {
    const f = (x: Float64Array) => [x[0]! * x[1]!, x[0]!, x[1]!];
    const transposed = (x: Float64Array) => [
      [x[1]!, 1, 0],
      [x[0]!, 0, 1],
    ];
    const c = checkJacobian(f, transposed, [1, 2]);
    expect(kinds(c)).toEqual(["wrong-shape"]);
    expect(text(c)).toMatch(/The Jacobian has the wrong shape: expected 3×2 \(m = 3 outputs, n = 2 inputs\), got 2 rows/);
    expect(text(c)).not.toMatch(/threw/);
    const matrixShaped = checkJacobian(f, () => ({ rows: 2, cols: 3, data: new Float64Array(6) }), [1, 2]);
    expect(matrixShaped.findings).toEqual([{ kind: "wrong-shape", expected: "3×2 (m = 3 outputs, n = 2 inputs)", actual: "2×3" }]);
  });

  it("a NaN in x, or no x at all, is named as such", () => {
    const square = (t: Value) => t.mul(t).sum();
    expect(gradcheck(square, [Number.NaN, 1]).findings).toEqual([{ kind: "bad-point", received: "x[0] = NaN" }]);
    expect(gradcheck(square, Number.NaN as unknown as number[]).findings).toEqual([{ kind: "bad-point", received: "number NaN" }]);
    expect(
      checkGradient(
        (x) => x[0]!,
        () => [1],
        [Infinity],
      ).findings,
    ).toEqual([{ kind: "bad-point", received: "x[0] = Infinity" }]);
  });

  it("f not finite at x is said, not left as NaN entries", () => {
    const c = checkGradient(
      (x) => Math.log(x[0]!),
      (x) => [1 / x[0]!],
      [-1],
    );
    expect(c.findings).toEqual([{ kind: "non-finite-value", value: Number.NaN }]);
    expect(text(c)).toMatch(/f is not finite at the point: f\(x\) = NaN/);
  });

  it("a wrong length comes first and alone, with no shifted mismatches", () => {
    const f = (x: Float64Array) => x.reduce((s, q, i) => s + (i + 1) * q * q, 0);
    const missingOne = (x: Float64Array) => x.map((q, i) => 2 * (i + 1) * q).slice(1);
    const c = checkGradient(
      f,
      missingOne,
      Float64Array.from({ length: 38 }, (_, i) => Math.sin(i)),
    );
    expect(c.findings).toEqual([{ kind: "wrong-gradient-length", expected: 38, actual: 37 }]);
  });
});

describe("plain-function reports carry no network vocabulary; network reports keep theirs", () => {
  const network = /layer|bias|regulari|Θ|δ|unroll/i;

  it("a plain function's wrong entries and wrong length", () => {
    const f = (x: Float64Array) => x[0]! ** 2 + 3 * x[1]!;
    expect(text(checkGradient(f, (x) => [x[0]!, 3], [1, 2]))).not.toMatch(network);
    expect(text(checkGradient(f, (x) => [2 * x[0]!], [1, 2]))).not.toMatch(network);
    expect(text(checkGradient(f, (x) => [2 * x[0]!, 3, 0], [1, 2]))).not.toMatch(network);
  });

  it("entries located in Θ get the network hint the network layer gives", () => {
    const numerical = { estimate: Float64Array.of(1, 2, 3, 4), errorBound: new Float64Array(4) };
    const c = compareGradients([1, 2, 3, 5], numerical, { locate: thetaLocate([1, 2]), hints: networkHints });
    expect(text(c)).toMatch(/hint: Look at the worst entries' layer and column/);
  });
});

describe("nondeterminismTolerance (PyTorch's nondet_tol)", () => {
  const f = (x: Float64Array) => x[0]! ** 2;
  it("a gradient that changes between identical calls fails by default, naming the entry, and passes within the stated tolerance", () => {
    let calls = 0;
    const jittery = (x: Float64Array) => [2 * x[0]! + (calls++ % 2 === 0 ? 0 : 1e-9)];
    const c = checkGradient(f, jittery, [0.7]);
    expect(c.passed).toBe(false);
    expect(c.findings[0]).toMatchObject({ kind: "not-reproducible", label: "[0]", allowed: 0 });
    expect(text(c)).toMatch(/Two identical calls gave different answers: \[0\] was 1\.4, then 1\.400000001/);
    expect(checkGradient(f, jittery, [0.7], { nondeterminismTolerance: 1e-8 }).passed).toBe(true);
  });

  it("so does a cost that changes between identical calls", () => {
    let calls = 0;
    const c = checkGradient(
      (x) => x[0]! ** 2 + (calls++ === 1 ? 1e-3 : 0),
      (x) => [2 * x[0]!],
      [0.7],
    );
    expect(c.findings[0]).toMatchObject({ kind: "not-reproducible", label: "f(x)" });
  });
});
