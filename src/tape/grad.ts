import type { Matrix } from "../linalg/Matrix.ts";
import { rules as defaultRules, type Rules } from "./rules.ts";
import { Tape } from "./Tape.ts";
import type { Value } from "./Value.ts";

/** Matrix for a function of one Value, Matrix[] for a function of several. */
export type MatrixOf<P> = P extends Value ? Matrix : Matrix[];

export interface ValueAndGradient<G> {
  readonly value: number;
  /** ∂f/∂θ, shaped like θ */
  readonly gradient: G;
}

/**
 * grad(f)(θ) = { value: f(θ), gradient: ∂f/∂θ } for a scalar function f written with tape ops.
 * θ is one matrix (f takes a Value) or several (f takes a Value[]); each call records a
 * fresh tape, runs f on it and walks it back once.
 */
export function grad<P extends Value | readonly Value[]>(
  f: (theta: P) => Value,
  rules: Rules = defaultRules,
): (theta: P extends Value ? Matrix : readonly Matrix[]) => ValueAndGradient<MatrixOf<P>> {
  return (theta) => {
    const tape = new Tape(rules);
    const many = Array.isArray(theta);
    const vars = many ? (theta as readonly Matrix[]).map((T) => tape.variable(T)) : tape.variable(theta as Matrix);
    const y = f(vars as unknown as P);
    const g = tape.backward(y);
    const gradient = Array.isArray(vars) ? vars.map((v) => g.of(v)) : g.of(vars as Value);
    return { value: y.item(), gradient: gradient as MatrixOf<P> };
  };
}
