import { checkGradient, threw, type GradientCheckOptions } from "./checkGradient.ts";
import { comparisonOfFindings, type GradientComparison } from "./compareGradients.ts";
import { tensorLayout, type Params, type Tensor } from "./tensorLayout.ts";

/**
 * checkGradient over named tensors: f takes `{ W1, b1, … }` (or a list of tensors) and the
 * gradient returns the same names and shapes; entries are reported by name and index
 * (`W1[3,0]`, row then column, from 0). f and the gradient see the parameters in the form they
 * were given (a Matrix stays a Matrix, a Float64Array a Float64Array, rows stay rows), holding
 * copies: `params` is never modified. A gradient of another shape is a wrong-shape finding.
 */
export function checkParameters<P extends { readonly [K in keyof P]: Tensor }>(
  f: (params: P) => number,
  gradient: (params: P) => unknown,
  params: P,
  options: GradientCheckOptions = {},
): GradientComparison {
  let layout;
  try {
    layout = tensorLayout(params as unknown as Params);
  } catch (e) {
    return comparisonOfFindings([{ kind: "bad-point", received: e instanceof Error ? e.message : String(e) }], options);
  }
  const x = layout.flatten(params);
  if (!(x instanceof Float64Array)) return comparisonOfFindings([x], options);
  const at = (w: Float64Array) => layout.unflatten(w) as P;
  let first;
  try {
    first = layout.flatten(gradient(at(Float64Array.from(x))));
  } catch (e) {
    return threw("gradient", e, options);
  }
  if (!(first instanceof Float64Array)) return comparisonOfFindings([first], options);
  const flatGradient = (w: Float64Array) => {
    const g = layout.flatten(gradient(at(w)));
    return g instanceof Float64Array ? g : null;
  };
  return checkGradient((w) => f(at(w)), flatGradient, x, { label: layout.label, ...options });
}
