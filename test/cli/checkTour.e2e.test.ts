import { expect, it } from "vitest";
import { checkTour } from "../../src/cli/checkTour.ts";

it("the check tour gets the expected verdict on every example and shows one full report", async () => {
  const lines: string[] = [];
  expect(await checkTour((l) => lines.push(l), 20)).toBe(0);
  const text = lines.join("\n");
  expect(text).not.toMatch(/NOT AS EXPECTED/);
  expect(text).toMatch(/examples\/correct .* exit 0 {2}passed/);
  expect(text).toMatch(/examples\/python-labels .* exit 1 {2}failed: labels-not-one-hot/);
  expect(text).toMatch(/diagnosis: lambda-not-divided-by-m/);
  expect(text).toMatch(/examples\/cs231n-two-layer .* exit 0  passed/);
});
