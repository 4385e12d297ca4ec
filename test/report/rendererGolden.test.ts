import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareGradients } from "../../src/check/index.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { notGraded } from "../../src/grade/gradeSubmission.ts";
import { rubricAssignment } from "../../src/grade/rubricAssignment.ts";
import type { CaseFile } from "../../src/judge/caseFileOf.ts";
import { evidenceFor } from "../../src/judge/checkEvidence.ts";
import { checkNnCostFunction } from "../../src/judge/checkNnCostFunction.ts";
import { mistakes } from "../../src/mistakes/mistakes.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import type { TrainFigures } from "../../src/train/trainFigures.ts";
import { checkExitCode } from "../../src/report/checkExitCode.ts";
import { classMarkdown } from "../../src/report/classMarkdown.ts";
import { feedbackMarkdown } from "../../src/report/feedbackMarkdown.ts";
import { gradescopeResults } from "../../src/report/gradescopeResults.ts";
import { renderCheckHtml } from "../../src/report/renderCheckHtml.ts";
import { renderHtml } from "../../src/report/renderHtml.ts";
import type { SubmissionResult } from "../../src/report/SubmissionResult.ts";
import { summaryCsv } from "../../src/report/summaryCsv.ts";
import { trainReportHtml } from "../../src/report/trainReportHtml.ts";
import { dryRunTable } from "../../src/report/dryRunTable.ts";

const golden = (name: string) => `../fixtures/report/golden/${name}`;
const counterexample: CaseFile = JSON.parse(
  readFileSync(join(import.meta.dirname, golden("check-failed-diagnosed.json")), "utf8"),
).counterexample;

const rubric = {
  ...defaultRubric,
  tests: [
    { ...defaultRubric.tests[0], visibility: "hidden" as const, name: "Secret | test" },
    { ...defaultRubric.tests[1], visibility: "after_due_date" as const },
    ...defaultRubric.tests.slice(2),
  ],
};

/** One student graded with a diagnosed mistake, clues, a note and a counterexample to replay in numpy; one not graded. */
function results(): SubmissionResult[] {
  const start = notGraded("ada", rubric, "cannot-load", "");
  const items = start.items.map((i, k) => (k === 2 ? { ...i, message: "boom <b>\x1b[31m" } : { ...i, passed: true, points: i.maxPoints }));
  const points = items.reduce((s, i) => s + i.points, 0);
  const graded: SubmissionResult = {
    ...start,
    status: "graded",
    reason: undefined,
    items,
    points,
    score: points / start.maxPoints,
    mistakes: ["lambda-not-divided-by-m"],
    counterexample,
    replayLanguage: "numpy",
    notes: ["graded nn/nnCostFunction.py, the one entry file found"],
    problems: { [rubric.tests[2].id]: "gradient-mismatch" },
    warnings: ["no network isolation"],
  };
  return [graded, notGraded("bob", rubric, "no-entry-file", "nothing to run")];
}

/** The renderers that draw or tabulate, byte for byte: grade's exports, the HTML pages with their charts. */
describe("renderers render the same", () => {
  it("a class's Markdown, CSV, Gradescope results and feedback", async () => {
    const [ada, bob] = results();
    await expect(classMarkdown(rubric, [ada, bob], 5, ["notes.txt"])).toMatchFileSnapshot(golden("class.md"));
    await expect(
      summaryCsv(
        rubric,
        [ada, bob].map((result) => ({ result, seconds: 1.5 })),
      ),
    ).toMatchFileSnapshot(golden("summary.csv"));
    // the layout and labels the rubric states, as grading hands them to the feedback
    const stated = rubricAssignment(rubric);
    for (const r of [ada, bob]) {
      await expect(feedbackMarkdown(rubric, r, 5, stated.ok ? stated.assignment : undefined)).toMatchFileSnapshot(
        golden(`feedback-${r.id}.md`),
      );
      await expect(JSON.stringify(gradescopeResults(rubric, r, 5, "9.9.9"), null, 1) + "\n").toMatchFileSnapshot(
        golden(`results-${r.id}.json`),
      );
    }
  });

  it("the check's HTML page with its plots: step sweeps, scatter and heatmaps", async () => {
    const report = await checkNnCostFunction(mistakes["lambda-not-divided-by-m"], { seed: 7, runs: 20 });
    const evidence = await evidenceFor(report, inProcessImplementation(mistakes["lambda-not-divided-by-m"], "planted"));
    const html = await renderCheckHtml(report, { replay: "replay", exitCode: checkExitCode(report), evidence });
    await expect(html).toMatchFileSnapshot(golden("check-evidence.html"));
  }, 60_000);

  it("a gradient comparison's HTML page", async () => {
    const n = Float64Array.from([1, 2, 3, 4]);
    const c = compareGradients([1, 2, 3.5, 4], { estimate: n, errorBound: new Float64Array(4) });
    await expect(await renderHtml(c)).toMatchFileSnapshot(golden("comparison.html"));
  });

  it("the training report", async () => {
    const pixels = Array.from({ length: 784 }, (_, k) => (k % 29) / 28);
    const figures: TrainFigures = {
      layerSizes: [784, 2, 10],
      lambda: 1,
      rate: 2,
      iterations: 50,
      steps: 50,
      seed: 3,
      trainingSeconds: 1.25,
      trainAccuracy: 0.9,
      testAccuracy: 0.875,
      costHistory: [2.3, 1.1, 0.7],
      slide: { costHistory: [2.3, 1.5, 1.2], testAccuracy: 0.5, trainAccuracy: 0.55 },
      confusion: {
        train: [
          [1, 0],
          [1, 2],
        ],
        test: [
          [3, 1],
          [0, 2],
        ],
      },
      checks: [{ iteration: 10, passed: false, tape: true, fd: false, directional: true, worstRelError: 3.2e-9 }],
      misclassified: [{ index: 7, label: 3, predicted: 8, pixels }],
      hiddenWeights: [pixels.map((p) => p - 0.5), pixels.map((p) => 0.5 - p)],
    };
    await expect(trainReportHtml(figures, "<svg>cost</svg>")).toMatchFileSnapshot(golden("train.html"));
  });

  it("a rubric's dry run as a table", async () => {
    const ids = rubric.tests.map((t) => t.id);
    const lost = (k: number) => Object.fromEntries(ids.map((id, i) => [id, i === k ? rubric.tests[i].points : 0]));
    const rows = [
      { answer: "reference" as const, lost: lost(0), total: rubric.tests[0].points, named: [] },
      { answer: "regularized-bias" as const, lost: lost(-1), total: 0, named: [] },
      {
        answer: "lambda-not-divided-by-m" as const,
        lost: lost(1),
        total: rubric.tests[1].points,
        named: ["lambda-not-divided-by-m" as const],
      },
      { answer: "gradient-not-divided-by-m" as const, lost: lost(2), total: rubric.tests[2].points, named: [] },
    ];
    const table = dryRunTable({ rubric, rows, referenceFails: [ids[0]], free: ["regularized-bias"] });
    await expect(table.join("\n") + "\n").toMatchFileSnapshot(golden("dry-run.txt"));
    const clean = dryRunTable({ rubric, rows: rows.slice(2), referenceFails: [], free: [] });
    await expect(clean.join("\n") + "\n").toMatchFileSnapshot(golden("dry-run-clean.txt"));
  });
});
