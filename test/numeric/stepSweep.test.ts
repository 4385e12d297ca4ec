import { expect, it } from "vitest";
import { incrementsOf, stepSweep, sweepSteps } from "../../src/numeric/index.ts";

it("the step sweep traces the V: truncation ∝ h² on the right, round-off growing on the left", () => {
  const x = 0.7,
    exact = Math.exp(x);
  let calls = 0;
  const inc = incrementsOf((v) => (calls++, Math.exp(v[0]!)), [x]);
  const points = stepSweep(inc, 0);
  expect(points.map((p) => p.step)).toEqual(sweepSteps);
  expect(calls).toBe(1 + 2 * sweepSteps.length);
  const error = points.map((p) => Math.abs(p.estimate - exact));
  // Steps shrink by 8, so the h² truncation error by 64 (e^x·h²/6 at h = 1/8 and 1/64).
  expect(error[0]! / error[1]!).toBeGreaterThan(60);
  expect(error[0]! / error[1]!).toBeLessThan(70);
  const bottom = Math.min(...error);
  expect(error.indexOf(bottom)).toBeGreaterThan(1);
  expect(error.indexOf(bottom)).toBeLessThan(error.length - 1);
  expect(error.at(-1)!).toBeGreaterThan(100 * bottom);
});
