import { describe, expect, it } from "vitest";
import { classMarkdown } from "../../src/report/classMarkdown.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { feedbackMarkdown } from "../../src/report/feedbackMarkdown.ts";
import { gradescopeResults } from "../../src/report/gradescopeResults.ts";
import { notGraded } from "../../src/grade/gradeSubmission.ts";
import { cell, summaryCsv } from "../../src/report/summaryCsv.ts";
import type { SubmissionResult } from "../../src/report/SubmissionResult.ts";
import { junitXml } from "../../src/report/junit.ts";
import { githubAnnotations } from "../../src/report/githubAnnotations.ts";
import { renderClassHtml } from "../../src/report/renderClassHtml.ts";
import { summaryEntry } from "../../src/report/SubmissionResult.ts";
import { gradescopeProblems } from "../helpers/gradescopeFormat.ts";

const hostileText = "boom <img src=x onerror=alert(1)> [click](javascript:alert(1)) `code` | cell\n```\n# heading";
const rubric = {
  ...defaultRubric,
  tests: [
    { ...defaultRubric.tests[0], visibility: "hidden" as const, name: "Secret test" },
    { ...defaultRubric.tests[1], visibility: "after_due_date" as const },
    ...defaultRubric.tests.slice(2),
  ],
};

function failing(): SubmissionResult {
  const r = notGraded("=cmd|' /C calc'!A0", rubric, "cannot-load", hostileText);
  const items = r.items.map((i, k) => (k === 2 ? { ...i, message: hostileText } : { ...i, passed: true, points: i.maxPoints }));
  const points = items.reduce((s, i) => s + i.points, 0);
  return { ...r, status: "graded", reason: undefined, items, points, score: points / r.maxPoints };
}

describe("grade's exports", () => {
  it("CSV cells that a spreadsheet would run as formulas are neutralised, and every text cell is quoted", () => {
    expect(cell("=SUM(A1)")).toBe(`"'=SUM(A1)"`);
    expect(cell("+1")).toBe(`"'+1"`);
    expect(cell("-1")).toBe(`"'-1"`);
    expect(cell("@x")).toBe(`"'@x"`);
    expect(cell('a "quoted", b')).toBe(`"a ""quoted"", b"`);
    const csv = summaryCsv(rubric, [{ result: failing(), seconds: 1.25 }]);
    expect(csv.split("\r\n")[1].startsWith(`"'=cmd|' /C calc'!A0","graded",0.9,90,100,`)).toBe(true);
  });

  it("feedback leaves hidden tests out, marks after-due-date ones, and escapes the submission's text", () => {
    const md = feedbackMarkdown(rubric, failing(), 3);
    expect(md).not.toContain("Secret test");
    expect(md).toContain("(shown after the due date)");
    for (const line of md.split("\n").filter((l) => l.includes("<img"))) expect(line.startsWith("    ")).toBe(true);
    expect(md).not.toMatch(/^```/m);
    expect(md).not.toMatch(/^# heading/m);
    expect(md).toContain("    boom <img"); // inside an indented code block, where HTML is text
    expect(md).toContain("Score on the tests shown here: **80 / 90**");
  });

  it("results.json has Gradescope's format, hides hidden tests there, and keeps sandbox warnings for staff only", () => {
    const r = { ...failing(), warnings: ["network not isolated"] };
    const gs = gradescopeResults(rubric, r, 3, "0.1.0");
    expect(gradescopeProblems(gs)).toEqual([]);
    expect(gs.score).toBe(90);
    expect(gs.tests[0].visibility).toBe("hidden");
    expect(gs.tests.at(-1)).toMatchObject({ name: "Sandbox protections missing (staff only)", visibility: "hidden", max_score: 0 });
    expect(gs.extra_data.seed).toBe(3);
    // Raw text from the submission only inside indented code blocks, where Markdown shows HTML as text.
    for (const text of [gs.output, ...gs.tests.map((t) => t.output)]) {
      for (const line of text.split("\n").filter((l) => /<img|\]\(/.test(l)))
        expect(line.startsWith("    ") || !/<img|[^\\]\]\(/.test(line), line).toBe(true);
    }
    const cannot = gradescopeResults(rubric, notGraded("x", rubric, "cannot-load", hostileText), 3, "0.1.0");
    expect(gradescopeProblems(cannot)).toEqual([]);
    expect(cannot.score).toBe(0);
    expect(cannot.output).toContain("Not graded (cannot-load)");
  });

  it("class.md counts statuses, scores and mistakes", () => {
    const a = { ...failing(), id: "a", mistakes: ["regularized-bias" as const] };
    const b = notGraded("b", rubric, "duplicate-id", "both");
    const md = classMarkdown(rubric, [a, b], 3, []);
    expect(md).toContain("| graded | 1 |");
    expect(md).toContain("| duplicate-id | 1 |");
    expect(md).toMatch(/\| 90–100% \| 1 \|/);
    expect(md).toMatch(/\| 0–9% \| 1 \|/);
    expect(md).toContain("(`regularized-bias`) | 1 |");
  });

  it("JUnit XML and GitHub annotations escape what they carry", () => {
    const xml = junitXml("class", [{ name: "a<b", cases: [{ name: "t", className: "a.t", failure: hostileText }] }]);
    expect(xml).toContain('name="a&lt;b"');
    expect(xml).not.toContain("<img");
    expect(xml).toMatch(/tests="1" failures="1"/);
    const [line] = githubAnnotations([{ level: "error", title: "a: b, c", message: "one\ntwo 100%" }]);
    expect(line).toBe("::error title=a%3A b%2C c::one%0Atwo 100%25");
  });

  // What a submission controls (its folder name, its error text) drawing on a terminal, a CI log
  // or a page: a screen clear, a green "passed", a right-to-left override that reorders text.
  const drawing = "\u001b[2J\u001b[32m✓ passed\u001b[0m\r\u202etxt.exe <script>alert(1)</script>";
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it("JUnit XML shows a submission's control characters escaped instead of dropping them and leaving the rest", () => {
    const xml = junitXml(drawing, [{ name: drawing, cases: [{ name: drawing, className: `${drawing}.t`, failure: drawing }] }]);
    expect(xml).not.toMatch(controls);
    expect(xml).toContain("\\x1b[2J");
    expect(xml).toContain("\\u202e");
    expect(xml).not.toContain("<script");
  });

  it("GitHub annotations show control characters escaped, so the Actions log cannot be drawn on", () => {
    const [line] = githubAnnotations([{ level: "error", title: drawing, message: drawing, file: drawing }]);
    expect(line).not.toMatch(controls);
    expect(line).toContain("\\x1b[32m✓ passed");
    expect(line.split("\n")).toHaveLength(1);
  });

  it("the class overview page escapes ids and messages, controls and bidi overrides included", async () => {
    const r = { ...failing(), id: drawing, mistakes: ["regularized-bias" as const] };
    const html = await renderClassHtml({ seed: 3, version: "0.1.0", rubric, submissions: [summaryEntry(r)] });
    expect(html).not.toMatch(controls);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("\\u202etxt.exe");
  });
});
