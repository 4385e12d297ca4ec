/** One derivative by finite differences, with the error the method vouches for. */
export interface Estimate {
  readonly estimate: number;
  /** |estimate − f'(x)| ≤ errorBound under the error model of the method (docs/checker.md) */
  readonly errorBound: number;
  /** the smallest step used */
  readonly step: number;
  /** true when a move within the step crosses a point where f is not differentiable */
  readonly kink: boolean;
}

/** Finite differences of every coordinate (or of `indices` only; the others are NaN). */
export interface FdGradient {
  readonly estimate: Float64Array;
  readonly errorBound: Float64Array;
  readonly step: Float64Array;
  /** 1 where the entry's perturbation crossed a kink ("not differentiable here") */
  readonly kink: Uint8Array;
  /** the coordinates computed, when not all of them */
  readonly indices?: readonly number[];
  /** how many times f (or an equivalent increment) was evaluated, f(x) included */
  readonly evaluations: number;
  /** the method's name, e.g. "Richardson(central 3-point, 6 levels, ratio 2)" */
  readonly method: string;
}
