import { describe, expect, it } from "vitest";
import { checkJson } from "../../src/report/checkJson.ts";
import { renderCheckReport } from "../../src/report/renderCheckReport.ts";
import { checkReport } from "../../src/judge/checkReport.ts";
import { checkJunit } from "../../src/report/checkJunit.ts";
import { loadStatus } from "../../src/grade/loadStatus.ts";
import { findingInfo, statusLine } from "../../src/outcome/index.ts";

// A folder with no entry file: the loader's kind is no-entry-file, the kind the grade's status has always been called.
const noEntry = checkReport(
  { submission: "empty", seed: 1, warnings: [] },
  { passed: false, stage: "load", runs: 0, problem: "no-entry-file", message: "empty: no gradcheck.json and no nnCostFunction.js" },
);

describe("a merged kind keeps the name each public output wrote", () => {
  it("gradcheck check's JSON still says no-entry, with the title it always had", () => {
    expect(checkJson(noEntry, "replay")).toMatchObject({ problem: "no-entry", title: "No entry file", exitCode: 2 });
  });

  it("gradcheck check's JUnit error still has the type no-entry", () => {
    const xml = checkJunit(noEntry, "replay", renderCheckReport(noEntry, "replay"), "empty");
    expect(xml).toMatch(/<error [^>]*type="no-entry"/);
    expect(xml).not.toMatch(/no-entry-file/);
  });

  it("the grade's status is still no-entry-file, with the line feedback has always shown", () => {
    expect(loadStatus["no-entry-file"]).toBe("no-entry-file");
    expect(statusLine("no-entry-file")).toBe("no gradcheck.json and no nnCostFunction.js/.mjs/.cjs/.ts in the folder");
    expect(findingInfo["no-entry-file"].title).toBe("No entry file");
  });
});
