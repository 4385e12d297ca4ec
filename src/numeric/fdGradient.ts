import type { FdMethod } from "./FdMethod.ts";
import type { Estimate, FdGradient } from "./Estimate.ts";
import { estimateEntry } from "./estimateEntry.ts";
import { incrementsOf, type Increments, type ScalarFunction } from "./Increments.ts";
import { richardson } from "./richardson.ts";

export interface FdOptions {
  /** default: richardson(centralFdm(3)) */
  readonly method?: FdMethod;
  /** absolute round-off of one evaluation of f; default 8ε·|f(x)| */
  readonly fAccuracy?: number;
  /** compute only these coordinates; the others are NaN */
  readonly indices?: readonly number[];
}

export const defaultFdMethod: FdMethod = richardson();

/** ∂f/∂x_i for every i (or `indices`). x is never modified: f sees a copy, restored entry by entry. */
export function fdGradient(f: ScalarFunction, x: ArrayLike<number>, options: FdOptions = {}): FdGradient {
  return fdGradientFromIncrements(incrementsOf(f, x, options.fAccuracy), options);
}

/** The same over any source of increments (e.g. a network that recomputes only what a weight changes). */
export function fdGradientFromIncrements(inc: Increments, options: FdOptions = {}): FdGradient {
  const method = options.method ?? defaultFdMethod;
  const n = inc.n;
  const estimate = new Float64Array(n).fill(NaN),
    errorBound = new Float64Array(n).fill(NaN);
  const step = new Float64Array(n).fill(NaN),
    kink = new Uint8Array(n);
  const indices = options.indices;
  const count = indices ? indices.length : n;
  let evaluations = 1;
  const counted: Increments = {
    n: inc.n,
    f0: inc.f0,
    accuracy: inc.accuracy,
    coordinate: (i) => inc.coordinate(i),
    increments(i, offsets, out, kinks) {
      evaluations += offsets.length;
      return inc.increments(i, offsets, out, kinks);
    },
  };
  for (let q = 0; q < count; q++) {
    const i = indices ? indices[q] : q;
    const e = estimateEntry(method, counted, i);
    estimate[i] = e.estimate;
    errorBound[i] = e.errorBound;
    step[i] = e.step;
    kink[i] = e.kink ? 1 : 0;
  }
  return { estimate, errorBound, step, kink, evaluations, method: method.name, ...(indices ? { indices } : {}) };
}

/** ∂f/∂x_i alone. */
export function fdPartial(f: ScalarFunction, x: ArrayLike<number>, i: number, options: FdOptions = {}): Estimate {
  return estimateEntry(options.method ?? defaultFdMethod, incrementsOf(f, x, options.fAccuracy), i);
}
