import { expect, it } from "vitest";
import { gradeCommand } from "../../src/cli/gradeCommand.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { dryRun } from "../../src/grade/dryRun.ts";
import { dryRunTable } from "../../src/report/dryRunTable.ts";
import type { Rubric } from "../../src/grade/Rubric.ts";

it("the default rubric: the reference loses nothing, every catalogued mistake loses points, and the table says so", async () => {
  const d = await dryRun(defaultRubric, 1);
  expect(d.referenceFails).toEqual([]);
  expect(d.free).toEqual([]);
  const bias = d.rows.find((r) => r.answer === "regularized-bias")!;
  expect([bias.total, bias.lost["cost-regularizer"], bias.lost["gradient-regularizer"]]).toEqual([20, 10, 10]);
  const table = dryRunTable(d).join("\n");
  expect(table).toMatch(/^regularized-bias +· +· +−10 +· +−10 .* 20$/m);
  expect(table).toContain("the reference passes every test, and every catalogued mistake loses points");
});

it("a rubric without the regulariser tests flags the regulariser slips as losing no points", async () => {
  const blind: Rubric = { ...defaultRubric, tests: defaultRubric.tests.filter((t) => !t.id.includes("regularizer")) };
  const d = await dryRun(blind, 1);
  expect(d.free).toEqual(["regularized-bias", "lambda-not-divided-by-m", "no-regularization-in-gradient", "regularized-with-Delta"]);
  expect(dryRunTable(d).join("\n")).toMatch(
    /!! mistakes that lose no points: regularized-bias, lambda-not-divided-by-m, no-regularization-in-gradient, regularized-with-Delta/,
  );
});

it("grade --help prints every option instead of refusing it", async () => {
  const lines: string[] = [];
  expect(
    await gradeCommand(
      ["--help"],
      (l) => lines.push(l),
      () => {},
    ),
  ).toBe(0);
  for (const option of ["--out", "--rubric", "--jobs", "--seed", "--timeout", "--resume", "--only", "--roster", "--export", "--dry-run"])
    expect(lines.join("\n")).toContain(option);
});

it("grade --dry-run prints the table through the CLI", async () => {
  const lines: string[] = [];
  expect(
    await gradeCommand(
      ["--dry-run", "--seed", "3"],
      (l) => lines.push(l),
      () => {},
    ),
  ).toBe(0);
  expect(lines.join("\n")).toMatch(/^reference +(· +)+0$/m);
});
