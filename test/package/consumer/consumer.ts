// Type-checked under strict NodeNext with noUncheckedIndexedAccess: the published declarations
// must need nothing from the consumer's settings.
import {
  checkGradient,
  checkNnCostFunction,
  fromRows,
  gradcheck,
  referenceNnCostFunction,
  type GradientComparison,
  type Value,
} from "gradcheck";
import { caseArbitrary, matchesFiniteDifferences } from "gradcheck/properties";
import "gradcheck/vitest";

const comparison: GradientComparison = checkGradient(
  (x) => (x[0] ?? 0) ** 2,
  (x) => [2 * (x[0] ?? 0)],
  [1],
);
const tape = gradcheck((theta: Value) => theta.square().sum(), fromRows([[1, 2]]));
export const summary: string = `${comparison.passed} ${tape.failed}`;
export const report = checkNnCostFunction(referenceNnCostFunction, { runs: 5 }).then((r) => r.passed);
export const arbitraries = [caseArbitrary({ maxDepth: 3 }), matchesFiniteDifferences];
