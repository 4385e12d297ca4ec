import { availableParallelism } from "node:os";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { packageRoot } from "../data/packageRoot.ts";
import { defaultRubric } from "../grade/defaultRubric.ts";
import { gradeClass } from "../grade/gradeClass.ts";

const classDir = join(packageRoot(), "examples/class");
// Where the README sends it: reports/grades under the folder the tour runs from.
const outDir = resolve("reports/grades");
/** The tour's fixed seed: its output reads the same every time. */
const tourSeed = 2024;

/**
 * `grade` on examples/class into reports/grades, as `npx gradcheck grade examples/class --out
 * reports/grades --report reports/grades` would: one line per student, then where the outputs
 * are, the class overview page among them. A second tour keeps
 * the unchanged results (resume). Returns 0 when every student has a result.
 */
export async function gradeTour(out: (line: string) => void): Promise<number> {
  out(
    `gradcheck grade on examples/class (${readdirSync(classDir).length} students: correct, buggy, one that crashes, one that hangs, Python, a zip, one with no entry file, Octave)`,
  );
  const resume = existsSync(outDir) && readdirSync(outDir).length > 0;
  const run = await gradeClass({
    classDir,
    outDir,
    reportDir: outDir,
    rubric: defaultRubric,
    seed: tourSeed,
    drawSeed: () => tourSeed,
    jobs: availableParallelism(),
    callTimeoutMs: 1000,
    resume,
  });
  if (!run.ok) {
    out(`  ${run.error}`);
    return 1;
  }
  for (const { result: r, reused } of run.students) {
    const lost = r.items.filter((i) => !i.passed).map((i) => i.id);
    const why =
      r.status !== "graded"
        ? r.status
        : lost.length
          ? `lost ${lost.join(", ")}${r.mistakes.length ? `; mistake: ${r.mistakes.join(", ")}` : ""}`
          : "full marks";
    out(`  ${r.id.padEnd(8)} ${String(r.points).padStart(3)}/${r.maxPoints}  ${why}${reused ? " (kept from the last run)" : ""}`);
  }
  out(
    "  Written to reports/grades/: summary.csv and summary.json for the gradebook, class.md, report.html (the class overview page), and per student results.json (Gradescope's format), feedback.md and counterexample.json.",
  );
  return 0;
}
