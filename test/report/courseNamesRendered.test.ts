import { describe, expect, it } from "vitest";
import { checkNnCostFunction } from "../../src/judge/checkNnCostFunction.ts";
import { mistakes } from "../../src/mistakes/mistakes.ts";
import { checkMarkdown } from "../../src/report/checkMarkdown.ts";
import { renderCheckReport } from "../../src/report/renderCheckReport.ts";
import { markdownCodeBlock } from "../../src/report/untrustedText.ts";

/**
 * A report renders a course's names from the raw text, then escapes it: Markdown escapes the
 * brackets of Θ⁽ˡ⁾[i,j], after which the entry would no longer read as one.
 */
describe("a course student's report names every entry as the course does, in every format", () => {
  it("the terminal and the Markdown report agree: dWl and dbl, no Θ⁽ˡ⁾ left", async () => {
    const lecture = await checkNnCostFunction(mistakes["lambda-not-divided-by-m"], { seed: 7, runs: 20 });
    expect(lecture.outcome).toBe("failed");
    const course = { ...lecture, submission: "dlai regularization Regularization.py" };
    const markdown = checkMarkdown(course, "replay");
    const findings = markdown.slice(markdown.indexOf("## Findings"), markdown.indexOf("## Diagnosis"));
    expect(findings).toMatch(/dW\d\\\[\d+,\d+\\\]/);
    expect(findings).not.toContain("Θ⁽");
    expect(markdown).toMatch(/m = \d+, lambd = /);
    const terminal = renderCheckReport(course, "replay").join("\n");
    expect(terminal).toMatch(/m = \d+, lambd = /);
    expect(checkMarkdown(lecture, "replay")).toMatch(/Θ⁽.⁾\\\[\d+,\d+\\\]/);
  });
});

describe("a code block of a submission's text", () => {
  it("drops C0 and C1 controls and bidi overrides, so nothing it shows is reordered or hidden", () => {
    expect(markdownCodeBlock("ok\u202etxt.exe\u0085x\u001b[2J\r\nnext\u2066line")).toBe("    oktxt.exex[2J\n    nextline");
  });
});
