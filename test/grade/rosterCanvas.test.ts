import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { canvasCsv } from "../../src/report/canvasCsv.ts";
import { classMarkdown } from "../../src/report/classMarkdown.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { notGraded } from "../../src/grade/gradeSubmission.ts";
import { readRoster } from "../../src/grade/roster.ts";
import { rosterCsv, rosterMismatch } from "../../src/report/rosterCsv.ts";
import type { SubmissionResult } from "../../src/report/SubmissionResult.ts";
import { classFigures, figuresSentence } from "../../src/report/classFigures.ts";
import { renderClassHtml } from "../../src/report/renderClassHtml.ts";

const graded = (id: string, points: number): SubmissionResult => ({
  ...notGraded(id, defaultRubric, "no-entry-file", ""),
  status: "graded",
  points,
  score: points / 100,
  items: defaultRubric.tests.map((t) => ({ id: t.id, passed: true, points: t.points, maxPoints: t.points, message: "" })),
});
const results = [graded("alice", 100), graded("bob", 90), graded("carol", 80), notGraded("heidi", defaultRubric, "no-entry-file", "none")];

const rosterText =
  "\uFEFFID,Name,Email,SIS User ID,Canvas ID,SIS Login ID,Section\r\n" +
  'alice,"Liddell, Alice",alice@example.edu,S001,101,aliddell,A\r\n' +
  "bob,Bob Byte,bob@example.edu,S002,102,bbyte,A\r\n" +
  "zoe,Zoe Zed,zoe@example.edu,S026,126,zzed,B\r\n";

describe("--roster", () => {
  it("reads a spreadsheet's CSV (byte-order mark, quoted commas, any header case)", () => {
    const r = readRoster(rosterText);
    expect(r.ok && r.roster.get("alice")).toEqual({
      id: "alice",
      name: "Liddell, Alice",
      email: "alice@example.edu",
      sisId: "S001",
      canvasId: "101",
      sisLoginId: "aliddell",
      section: "A",
    });
  });
  it("refuses a roster without an id column, or with an id twice, saying where", () => {
    expect(readRoster("name,email\r\nA,a@x\r\n")).toMatchObject({ ok: false, error: expect.stringMatching(/no id column/) });
    expect(readRoster("id\r\nalice\r\nalice\r\n")).toMatchObject({ ok: false, error: 'row 3: id "alice" appears twice' });
  });
  it("joins every student of either list: a roster entry without a folder is missing, a folder without an entry keeps its row", () => {
    const r = readRoster(rosterText);
    if (!r.ok) throw new Error(r.error);
    const rows = parse(rosterCsv(r.roster, results, 100), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.id, x.name, x.sis_id, x.status, x.points])).toEqual([
      ["alice", "Liddell, Alice", "S001", "graded", "100"],
      ["bob", "Bob Byte", "S002", "graded", "90"],
      ["carol", "", "", "graded", "80"],
      ["heidi", "", "", "no-entry-file", "0"],
      ["zoe", "Zoe Zed", "S026", "missing", "0"],
    ]);
    expect(rosterMismatch(r.roster, results)).toEqual([
      "on the roster but no submission: zoe",
      "a submission but not on the roster: carol, heidi",
    ]);
  });
});

describe("--export canvas", () => {
  it("writes Canvas's identifying columns, the assignment's column and the Points Possible row", () => {
    const r = readRoster(rosterText);
    if (!r.ok) throw new Error(r.error);
    const rows = parse(canvasCsv("ex4 backprop", 100, results, r.roster)) as string[][];
    expect(rows[0]).toEqual(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "ex4 backprop"]);
    expect(rows[1]).toEqual(["Points Possible", "", "", "", "", "100"]);
    expect(rows.slice(2)).toEqual([
      ["Liddell, Alice", "101", "S001", "aliddell", "A", "100"],
      ["Bob Byte", "102", "S002", "bbyte", "A", "90"],
      ["Zoe Zed", "126", "S026", "zzed", "B", "0"],
      ["carol", "", "", "carol", "", "80"],
      ["heidi", "", "", "heidi", "", "0"],
    ]);
  });
});

describe("the class's figures", () => {
  it("are computed once, with the population stated, and read the same in class.md and report.html", async () => {
    const f = classFigures(results);
    expect([f.students, f.graded]).toEqual([4, 3]);
    for (const [got, want] of [
      [f.all.mean, 0.675],
      [f.all.median, 0.85],
      [f.gradedOnly.mean, 0.9],
      [f.gradedOnly.median, 0.9],
    ])
      expect(got).toBeCloseTo(want, 12);
    const sentence = figuresSentence(f);
    expect(sentence).toBe(
      "mean score 67.5%, median 85.0% over all 4 students (0 for a student not graded); over the 3 graded: mean 90.0%, median 90.0%",
    );
    expect(classMarkdown(defaultRubric, results, 1, [])).toContain("Mean score 67.5%, median 85.0% over all 4 students");
    const html = await renderClassHtml({ seed: 1, version: "0", rubric: defaultRubric, submissions: results });
    expect(html).toContain(sentence);
  });
});
