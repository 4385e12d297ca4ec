import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkReportName,
  findingInfo,
  formerNames,
  functionFindingKinds,
  functionWords,
  statusLine,
  submissionFindingKinds,
  submissionStatuses,
  type FindingKind,
} from "../../src/outcome/index.ts";

const kinds = Object.keys(findingInfo) as FindingKind[];
const doc = readFileSync(new URL("../../docs/findings.md", import.meta.url), "utf8");
const tableRow = (k: FindingKind) =>
  `| \`${k}\` | ${findingInfo[k].group} | ${findingInfo[k].fails ? "yes" : "no"} | ${findingInfo[k].title} |`;

describe("one vocabulary of findings", () => {
  it("the table has exactly the union's kinds, each with words", () => {
    expect(new Set(kinds)).toEqual(new Set([...functionFindingKinds, ...submissionFindingKinds, ...submissionStatuses]));
    for (const k of kinds) for (const w of [findingInfo[k], functionWords(k)]) expect([w.title, w.explanation, w.hint]).not.toContain("");
  });

  it("whether a kind fails follows its group: warnings never, load, interface and answer kinds always", () => {
    for (const k of kinds) {
      const { group, fails } = findingInfo[k];
      if (group === "warning") expect([k, fails]).toEqual([k, false]);
      if (group === "load" || group === "interface" || group === "answer") expect([k, fails]).toEqual([k, true]);
    }
    expect(findingInfo.graded.fails).toBe(false);
  });

  it("a kind has a status line exactly when it is a status, and words for a plain function only when both checks find it", () => {
    expect(kinds.filter((k) => findingInfo[k].status !== undefined).sort()).toEqual([...submissionStatuses].sort());
    for (const s of submissionStatuses) expect(statusLine(s)).not.toBe("");
    const shared = functionFindingKinds.filter((k) => (submissionFindingKinds as readonly string[]).includes(k));
    expect(kinds.filter((k) => findingInfo[k].forFunction !== undefined).sort()).toEqual([...shared].sort());
  });

  it("a merged kind's former name is written where the merge promised it, and nowhere else", () => {
    expect(checkReportName("no-entry-file")).toBe("no-entry");
    const renamed = formerNames.filter((n) => n.stillWritten).map((n) => n.kind);
    for (const k of kinds) if (!renamed.includes(k)) expect(checkReportName(k)).toBe(k);
    for (const n of formerNames) expect(kinds).not.toContain(n.former);
  });

  it("docs/findings.md lists every kind as the table says it, and every merge", () => {
    for (const k of kinds) expect(doc).toContain(tableRow(k));
    for (const n of formerNames)
      expect(doc).toContain(`| \`${n.former}\` | \`${n.kind}\` | ${n.where} | ${n.stillWritten ? "yes" : "no"} |`);
  });
});
