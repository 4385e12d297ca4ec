import { describe, expect, it } from "vitest";
import { matrix, zeros } from "../../src/linalg/Matrix.ts";
import { grad } from "../../src/tape/grad.ts";
import { Tape } from "../../src/tape/Tape.ts";
import { TapeError } from "../../src/tape/TapeError.ts";
import { constant, type Value } from "../../src/tape/Value.ts";

/** Every error names the op, the shapes or the entry, and where the op was recorded. */
function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TapeError);
    return (e as Error).message;
  }
  throw new Error("expected a TapeError");
}

const here = "test/tape/errors.test.ts:";

describe("a shape mismatch names the op and both shapes", () => {
  const t = new Tape();
  const A = t.variable(zeros(3, 4)),
    B = t.variable(zeros(2, 5));
  it.each<[string, () => unknown, string]>([
    ["add", () => A.add(B), "add: shapes 3×4 and 2×5 do not broadcast (each dimension must be equal, or 1 in one of them)"],
    ["mul", () => A.mul(zeros(3, 2)), "mul: shapes 3×4 and 3×2 do not broadcast (each dimension must be equal, or 1 in one of them)"],
    ["matmul", () => A.matmul(B), "matmul: shapes 3×4 and 2×5 do not conform (inner dimensions 4 ≠ 2)"],
    ["matmulABt", () => A.matmulABt(B), "matmulABt: shapes 3×4 and 2×5 do not conform for A·Bᵀ (columns 4 ≠ 5)"],
    ["matmulAtB", () => A.matmulAtB(B), "matmulAtB: shapes 3×4 and 2×5 do not conform for Aᵀ·B (rows 3 ≠ 2)"],
    ["affine", () => A.affine(zeros(2, 4)), "affine: shapes 3×4 and 2×4 do not conform for [1 | A]·Θᵀ (Θ needs 5 columns, has 4)"],
    ["columns", () => A.columns(2, 6), "columns: shape 3×4 has no columns 2..5 (it has columns 0..3)"],
  ])("%s", (_op, f, expected) => expect(message(f)).toBe(expected));

  it("also between constants, which record nothing", () =>
    expect(message(() => constant(zeros(2, 2)).matmul(zeros(3, 1)))).toBe(
      "matmul: shapes 2×2 and 3×1 do not conform (inner dimensions 2 ≠ 3)",
    ));
});

describe("backward", () => {
  it("from a non-scalar names its shape", () => {
    const t = new Tape();
    const y = t.variable(zeros(3, 4)).exp();
    expect(message(() => t.backward(y))).toBe(
      "backward: the output must be a 1×1 scalar, got a 3×4 value (reduce it with sum() or mean())",
    );
  });
  it("refuses a value of another tape, and ops refuse to mix tapes", () => {
    const t = new Tape(),
      u = new Tape();
    const x = t.variable(zeros(1, 1)),
      y = u.variable(zeros(1, 1));
    expect(message(() => u.backward(x.exp()))).toBe("backward: the output is recorded on another tape");
    expect(message(() => x.add(y))).toBe("add: its inputs are recorded on two different tapes");
  });
  it("gives gradients only for variables", () => {
    const t = new Tape();
    const x = t.variable(zeros(1, 2)),
      h = x.exp();
    const g = t.backward(h.sum());
    expect(message(() => g.of(h))).toContain("only a variable of this tape has one (asked for a 1×2 intermediate value)");
    expect(message(() => g.of(constant(1)))).toContain("(asked for a 1×1 constant)");
  });
});

describe("NaN and ±∞ name the op, the entry and where the op was recorded", () => {
  it("log of a negative", () => {
    const t = new Tape();
    const x = t.variable(matrix(2, 2, [1, 2, -0.5, 3]));
    const m = message(() => x.log());
    expect(m).toMatch(/^log produced NaN at \(1, 0\) of its 2×2 result \(input 0 there: -0\.5\); recorded at /);
    expect(m).toContain(here);
  });
  it("overflow", () => {
    const t = new Tape();
    const m = message(() => t.variable(matrix(1, 3, [1, 2, 800])).exp());
    expect(m).toMatch(/^exp produced Infinity at \(0, 2\) of its 1×3 result \(input 0 there: 800\); recorded at /);
    expect(m).toContain(here);
  });
  it("a gradient that blows up in backward names the op and the line that recorded it", () => {
    const t = new Tape();
    const x = t.variable(matrix(1, 2, [4, 0]));
    const root = x.pow(0.5); // d√x/dx = ∞ at 0
    const line = new Error().stack!.split("\n")[1].match(/:(\d+):\d+\)?$/)![1];
    const m = message(() => t.backward(root.sum()));
    expect(m).toMatch(/^pow sent Infinity back to its input 0, at \(0, 1\) of that input's 1×2 gradient; recorded at /);
    expect(m).toContain(`${here}${Number(line) - 1}:`);
  });
  it("grad, whose tape keeps no call sites, still names the line of an op whose gradient blows up", () => {
    let line = "";
    const f = grad((x: Value) => {
      const root = x.pow(0.5);
      line = new Error().stack!.split("\n")[1].match(/:(\d+):\d+\)?$/)![1];
      return root.sum();
    });
    expect(f(matrix(1, 2, [4, 9])).value).toBe(5);
    const m = message(() => f(matrix(1, 2, [4, 0])));
    expect(m).toMatch(/^pow sent Infinity back to its input 0, at \(0, 1\) of that input's 1×2 gradient; recorded at /);
    expect(m).toContain(`${here}${Number(line) - 1}:`);
  });
  it("a tape told to keep no sites says so rather than guessing", () => {
    const t = new Tape(undefined, { sites: false });
    const root = t.variable(matrix(1, 2, [4, 0])).pow(0.5);
    expect(message(() => t.backward(root.sum()))).toMatch(/gradient; recorded at a place this tape did not keep$/);
  });
  it("item() needs a 1×1 value", () => expect(message(() => constant(zeros(2, 1)).item())).toBe("item: needs a 1×1 value, got 2×1"));
});
