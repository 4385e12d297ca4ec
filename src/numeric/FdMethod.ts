/**
 * Finite-difference methods are values (as `central_fdm(5, 1)` is in FiniteDifferences.jl):
 * a stencil knows its grid, its weights and its error model; a Richardson method knows the
 * stencil it extrapolates and how many step halvings it uses.
 */
export interface StencilMethod {
  readonly kind: "stencil";
  /** e.g. "central 3-point" */
  readonly name: string;
  /** integer grid: f is evaluated at x + g·h for each g */
  readonly grid: readonly number[];
  /** weights: f'(x) ≈ Σ_k coefs[k]·f(x + grid[k]·h) / h */
  readonly coefs: readonly number[];
  /** truncation error ≈ |truncationConstant|·h^order·|f^(order+1)| */
  readonly order: number;
  readonly truncationConstant: number;
  /** true when the error expansion has only every other power of h (symmetric grids) */
  readonly symmetric: boolean;
  /** a fixed step h chosen by the caller (`fixedStep`); when absent, `stepFor` chooses it */
  readonly step?: number;
}

export interface RichardsonMethod {
  readonly kind: "richardson";
  readonly name: string;
  readonly base: StencilMethod;
  /** number of step sizes h₀, h₀/ratio, … */
  readonly levels: number;
  readonly ratio: number;
  /** h₀ = largestStep·max(1, |x_i|) */
  readonly largestStep: number;
  /**
   * When set, `levels` is the most used: levels are added from three on until the bound is
   * within target·max(1, |estimate|) or stops halving (see `richardson`).
   */
  readonly target?: number;
}

export type FdMethod = StencilMethod | RichardsonMethod;
