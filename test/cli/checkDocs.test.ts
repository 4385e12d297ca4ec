import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { mistakeIds, mistakeInfo } from "../../src/mistakes/index.ts";
import { checkReportName, findingInfo, submissionFindingKinds } from "../../src/outcome/index.ts";
import { tourExamples } from "../../src/cli/checkTour.ts";

const doc = readFileSync(new URL("../../docs/check.md", import.meta.url), "utf8");

it("docs/check.md lists every catalogued mistake, every problem and every example, as the tables say them", () => {
  for (const id of mistakeIds) expect(doc).toContain(`| \`${id}\` | ${mistakeInfo[id].title} |`);
  for (const kind of submissionFindingKinds) expect(doc).toContain(`| \`${checkReportName(kind)}\` | ${findingInfo[kind].group} |`);
  for (const ex of tourExamples) expect(doc).toContain(`examples/${ex.folder}`);
});
