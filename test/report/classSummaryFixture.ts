import type { ClassSummary, SubmissionSummary } from "../../src/report/ClassSummary.ts";

const items = (failed: readonly string[]) =>
  ["cost", "gradient", "regularisation", "bias"].map((id) => ({
    id,
    passed: !failed.includes(id),
    points: failed.includes(id) ? 0 : 2.5,
    maxPoints: 2.5,
    message: failed.includes(id) ? `${id}: wrong on a shrunk case` : "ok",
  }));

function student(id: string, failed: readonly string[], mistakes: readonly string[], status = "graded"): SubmissionSummary {
  const its = status === "graded" ? items(failed) : [];
  const points = its.reduce((t, i) => t + i.points, 0);
  return { id, status, score: status === "graded" ? points / 10 : 0, points, maxPoints: 10, items: its, mistakes };
}

/** A class of eight, one with a hostile id and message, one that could not be run. */
export const hostileId = `<img src=x onerror="alert(1)">"&'`;

export const classSummary: ClassSummary = {
  seed: 7,
  version: "0.1.0",
  rubric: { items: ["cost", "gradient", "regularisation", "bias"] },
  submissions: [
    student("alice", [], []),
    student("bob", ["regularisation"], ["lambda-not-divided-by-m"]),
    student("carol", ["regularisation", "bias"], ["regularized-bias"]),
    student("dave", ["regularisation"], ["lambda-not-divided-by-m"]),
    student("erin", ["gradient", "regularisation", "bias"], ["missing-activation-derivative", "regularized-bias"]),
    student("frank", [], []),
    {
      ...student(hostileId, ["cost"], ["some-unknown-mistake"]),
      items: [{ id: "cost", passed: false, points: 0, maxPoints: 10, message: `<script>alert("x")</script>` }],
      points: 0,
      score: 0,
    },
    student("gina", [], [], "cannot-load"),
  ],
};
