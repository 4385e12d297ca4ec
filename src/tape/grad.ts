import type { Matrix } from "../linalg/Matrix.ts";
import { rules as defaultRules, type Rules } from "./rules.ts";
import { Tape, UnlocatedTapeError } from "./Tape.ts";
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
 * fresh tape, runs f on it and walks it back once. The tape keeps no call sites (capturing
 * them would cost more than the ops of a small network); if backward meets a NaN or ±∞, f is
 * run once more on a tape that keeps them, so the error still names the line of the op.
 */
export function grad<P extends Value | readonly Value[]>(
  f: (theta: P) => Value,
  rules: Rules = defaultRules,
): (theta: P extends Value ? Matrix : readonly Matrix[]) => ValueAndGradient<MatrixOf<P>> {
  const run = (theta: P extends Value ? Matrix : readonly Matrix[], sites: boolean): ValueAndGradient<MatrixOf<P>> => {
    const tape = new Tape(rules, { sites });
    const many = Array.isArray(theta);
    const vars = many ? (theta as readonly Matrix[]).map((T) => tape.variable(T)) : tape.variable(theta as Matrix);
    const y = f(vars as unknown as P);
    const g = tape.backward(y);
    const gradient = Array.isArray(vars) ? vars.map((v) => g.of(v)) : g.of(vars as Value);
    return { value: y.item(), gradient: gradient as MatrixOf<P> };
  };
  return (theta) => {
    try {
      return run(theta, false);
    } catch (e) {
      if (!(e instanceof UnlocatedTapeError)) throw e;
      run(theta, true); // throws the same error with its site, unless f changed its mind
      throw e;
    }
  };
}
