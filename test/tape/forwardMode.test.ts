import fc from "fast-check";
import { describe, it } from "vitest";
import { matrix } from "../../src/linalg/Matrix.ts";
import { rules } from "../../src/tape/rules.ts";
import { close, doubles, runs } from "../helpers/tape/arbitraries.ts";
import { expr, run, tame } from "../helpers/tape/expressions.ts";
import { directional, forwardTol, networkProperty, opProperty } from "../helpers/tape/forwardMode.ts";
import { opCases } from "../helpers/tape/opCases.ts";

/** (b) The tape's vᵀ∇f against forward mode (dual numbers) for random directions v. */
describe("each op: vᵀ∇(Σ C.*op(x)) equals the dual-number directional derivative", () => {
  opCases.forEach((c, i) => it(c.name, () => fc.assert(opProperty(rules, c), runs(400 + i, 40))));
});

describe("random expression trees: tape and dual numbers agree", () => {
  it("elementwise trees over 2×3 matrices, variables reused", () => {
    const point = fc.tuple(...[0, 1, 2].map(() => fc.array(doubles(-2, 2), { minLength: 6, maxLength: 6 })));
    const dir = fc.tuple(...[0, 1, 2].map(() => fc.array(doubles(-1, 1), { minLength: 6, maxLength: 6 })));
    fc.assert(
      fc.property(expr(4), point, dir, (e, xs, vs) => {
        fc.pre(
          xs[0].every((_, q) =>
            tame(
              e,
              xs.map((x) => x[q]),
            ),
          ),
        );
        const x = xs.map((d) => matrix(2, 3, d)),
          v = vs.map((d) => matrix(2, 3, d));
        const d = directional(rules, (vars, lift) => run(e, vars, (c) => lift(matrix(1, 1, [c]))).sum(), x, v);
        return close(d.tape.value, d.dual.value, forwardTol) && close(d.tape.directional, d.dual.directional, 1e-8);
      }),
      runs(500, 100),
    );
  });
});

describe("the network's cost: vᵀ∇J by the tape equals forward mode, for any network a case file can describe", () => {
  it("random depth, sizes, activations, costs, λ, m and direction", () => fc.assert(networkProperty(rules), runs(600, 150)));
});
