import fc from "fast-check";
import type { Matrix } from "../../../src/linalg/Matrix.ts";
import { networkCost } from "../../../src/backprop/networkCost.ts";
import type { Rules } from "../../../src/tape/rules.ts";
import { Tape } from "../../../src/tape/Tape.ts";
import { close } from "./arbitraries.ts";
import { Dual, DualMatrix } from "./dual.ts";
import { dualNetworkCost, networkCase } from "./networks.ts";
import { opInstance, type OpCase } from "./opCases.ts";
import type { Program } from "./programs.ts";

export interface Directional {
  /** f(x) and Σ_i ⟨∇_i f, v_i⟩ by the tape */
  readonly tape: { value: number; directional: number };
  /** f(x) and the ε part of f(x + εv) by dual numbers */
  readonly dual: { value: number; directional: number };
}

/** The tape's vᵀ∇f and forward mode's directional derivative for one program, inputs and directions. */
export function directional(rules: Rules, program: Program, x: Matrix[], v: Matrix[]): Directional {
  const tape = new Tape(rules);
  const vars = x.map((X) => tape.variable(X));
  const y = program(vars, (M) => tape.constant(M));
  const g = tape.backward(y);
  let directionalTape = 0;
  vars.forEach((X, i) => g.of(X).data.forEach((gq, q) => (directionalTape += gq * v[i].data[q])));

  const d: Dual = program(
    x.map((X, i) => DualMatrix.of(X, v[i])),
    (M) => DualMatrix.of(M),
  ).item();
  return { tape: { value: y.item(), directional: directionalTape }, dual: { value: d.v, directional: d.d } };
}

/** Relative tolerance (floor 1) for values and directional derivatives. */
export const forwardTol = 1e-9;

/** One op alone: f = Σ C .* op(x) with random C, random inputs, random directions. */
export function opProperty(rules: Rules, c: OpCase) {
  return fc.property(opInstance(c), ({ x, v, program }) => {
    const d = directional(rules, program, x, v);
    return close(d.tape.value, d.dual.value, forwardTol) && close(d.tape.directional, d.dual.directional, forwardTol);
  });
}

/** The tape's networkCost on any small network against J written in dual numbers. */
export function networkProperty(rules: Rules) {
  return fc.property(networkCase, ({ problem, theta, v }) => {
    const tape = new Tape(rules);
    const vars = theta.map((T) => tape.variable(T));
    const J = networkCost(problem, vars);
    const g = tape.backward(J);
    let vGrad = 0;
    vars.forEach((T, l) => g.of(T).data.forEach((gq, q) => (vGrad += gq * v[l].data[q])));
    const dual = dualNetworkCost(
      problem,
      theta.map((T, l) => DualMatrix.of(T, v[l])),
    );
    return close(J.item(), dual.v, forwardTol) && close(vGrad, dual.d, forwardTol);
  });
}
