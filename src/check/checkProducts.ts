import { directionalDerivative, fdGradient, randomUnitDirection, rng, type VectorFunction } from "../numeric/index.ts";
import { fdOptionsOf, threw, type GradientCheckOptions } from "./checkGradient.ts";
import { compareGradients, type GradientComparison } from "./compareGradients.ts";
import { toleranceFor } from "./fdSetup.ts";
import { defaultDirectionSeed } from "./directionalCheck.ts";

export interface ProductCheckOptions extends GradientCheckOptions {
  /** how many random directions (default 2) */
  readonly directions?: number;
  /** seed of the random directions (default `defaultDirectionSeed`) */
  readonly seed?: number;
}

/** A VJP or JVP check: one entry-by-entry comparison per random direction. */
export interface ProductCheck {
  readonly passed: boolean;
  readonly directions: readonly { readonly direction: Float64Array; readonly comparison: GradientComparison }[];
}

/**
 * A vector–Jacobian product uᵀJ (what reverse mode computes) against finite differences of the
 * scalar x ↦ uᵀf(x), for random unit u: n entries per direction, one gradient's cost.
 */
export function checkVjp(
  f: VectorFunction,
  vjp: (x: Float64Array, u: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: ProductCheckOptions = {},
): ProductCheck {
  const m = f(Float64Array.from(x)).length;
  return alongDirections(m, options, (u) => {
    let analytic: unknown;
    try {
      analytic = vjp(Float64Array.from(x), Float64Array.from(u));
    } catch (e) {
      return threw("gradient", e, options);
    }
    const numerical = fdGradient((w) => dot(u, f(w)), x, fdOptionsOf(options));
    return compareGradients(analytic, numerical, { label: (i) => `(uᵀJ)[${i}]`, ...options, tolerance: toleranceOf(options) });
  });
}

/**
 * A Jacobian–vector product Jv (what forward mode computes) against d/dt f(x + t·v) for random
 * unit v: m entries per direction, each a directional derivative of one output.
 */
export function checkJvp(
  f: VectorFunction,
  jvp: (x: Float64Array, v: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: ProductCheckOptions = {},
): ProductCheck {
  const m = f(Float64Array.from(x)).length;
  return alongDirections(x.length, options, (v) => {
    let analytic: unknown;
    try {
      analytic = jvp(Float64Array.from(x), Float64Array.from(v));
    } catch (e) {
      return threw("gradient", e, options);
    }
    const method = fdOptionsOf(options).method;
    const estimate = new Float64Array(m),
      errorBound = new Float64Array(m),
      kink = new Uint8Array(m);
    for (let k = 0; k < m; k++) {
      const d = directionalDerivative((w) => Number(f(w)[k]), x, v, method ? { method } : {});
      estimate[k] = d.estimate;
      errorBound[k] = d.errorBound;
      kink[k] = d.kink ? 1 : 0;
    }
    return compareGradients(
      analytic,
      { estimate, errorBound, kink },
      { label: (k) => `(Jv)[${k}]`, ...options, tolerance: toleranceOf(options) },
    );
  });
}

/** A Hessian–vector product Hv of a scalar f, as the JVP of its gradient. */
export function checkHvp(
  gradient: VectorFunction,
  hvp: (x: Float64Array, v: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: ProductCheckOptions = {},
): ProductCheck {
  return checkJvp(gradient, hvp, x, { label: (i) => `(Hv)[${i}]`, ...options });
}

function alongDirections(
  length: number,
  options: ProductCheckOptions,
  compare: (direction: Float64Array) => GradientComparison,
): ProductCheck {
  const random = rng(options.seed ?? defaultDirectionSeed);
  const directions = Array.from({ length: options.directions ?? 2 }, () => {
    const direction = randomUnitDirection(length, random);
    return { direction, comparison: compare(direction) };
  });
  return { passed: directions.every((d) => d.comparison.passed), directions };
}

/** A product check's tolerance: the stated precision's floors, or PyTorch's atol/rtol with a fixed eps. */
function toleranceOf(options: ProductCheckOptions) {
  return toleranceFor(options, options.precision === "float32" ? "float32" : "float64");
}

function dot(u: Float64Array, y: ArrayLike<number>): number {
  if (y.length !== u.length) throw new RangeError(`f returned ${y.length} outputs here and ${u.length} at x`);
  let s = 0;
  for (let k = 0; k < u.length; k++) s += u[k]! * Number(y[k]);
  return s;
}
