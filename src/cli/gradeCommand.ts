import { neutraliseForTerminal as shown } from "../report/untrustedText.ts";
import { randomInt } from "node:crypto";
import { availableParallelism } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import cliProgress from "cli-progress";
import { defaultRubric } from "../grade/defaultRubric.ts";
import { gradeClass, type ClassRun, type StudentDone } from "../grade/gradeClass.ts";
import { classJUnit, classAnnotations } from "../report/classExports.ts";
import { readRubric } from "../grade/validateRubric.ts";
import { canvasCsv } from "../report/canvasCsv.ts";
import { readRoster, type RosterRead } from "../grade/roster.ts";
import { rosterCsv, rosterMismatch } from "../report/rosterCsv.ts";
import { classFigures, figuresSentence } from "../report/classFigures.ts";
import { githubAnnotations } from "../report/githubAnnotations.ts";
import { junitXml } from "../report/junit.ts";
import { integerOption, parseArgs, UsageError, type Args } from "./args.ts";
import { defaultGradeTimeoutMs } from "./defaultGradeTimeout.ts";
import { dryRun } from "../grade/dryRun.ts";
import { dryRunTable } from "../report/dryRunTable.ts";
import { maxPointsOf, type Rubric } from "../grade/Rubric.ts";

export { defaultGradeTimeoutMs };

/**
 * `gradcheck grade CLASS_DIR --out OUT_DIR [--rubric FILE] [--jobs N] [--seed S] [--timeout MS]
 * [--resume] [--only ID…] [--junit FILE] [--format github] [--report DIR]`. The work is gradeClass's; this
 * reads the flags, shows progress, and returns the exit code: 0 when every student has a
 * result (whatever the scores), 2 when the class, the rubric or OUT_DIR is refused.
 */
export async function gradeCommand(words: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (words.includes("--help") || words.includes("-h")) {
    out(gradeHelp);
    return 0;
  }
  const { rest, only } = takeOnly(words);
  const args = parseArgs(
    rest,
    ["out", "rubric", "jobs", "seed", "timeout", "junit", "format", "report", "roster", "export"],
    ["resume", "dry-run"],
  );
  if (args.options.has("dry-run")) return dryRunCommand(args, out, err);
  if (args.positional.length !== 1)
    throw new UsageError(
      `grade needs exactly one CLASS_DIR, got ${args.positional.length}${only ? " (the ids after --only end at the next --option; put CLASS_DIR before --only)" : ""}`,
    );
  const { outDir, format, junit, reportDir } = outputFlags(args);
  const inputs = classInputs(args, err);
  if (!inputs) return 2;
  const { rubric, exportTo, roster } = inputs;
  const run = await gradeWithProgress(args, { outDir, reportDir, rubric, only }, out);
  if (!run.ok) {
    err(`gradcheck: ${shown(run.error)}`);
    return 2;
  }
  for (const f of run.loose) err(`gradcheck: skipped ${shown(f)}: not a folder or a .zip`);
  writeExports(run, rubric, { outDir, junit, roster: roster?.roster, canvas: exportTo === "canvas", classDir: args.positional[0] }, err);
  if (format === "github") for (const line of githubAnnotations(classAnnotations(rubric, run.students))) out(line);
  const figures = classFigures(run.students.map((s) => s.result));
  out(
    `graded ${figures.graded} of ${figures.students} students (seed ${run.seed}; ${figuresSentence(figures)}): ${outDir}/summary.csv, summary.json, class.md, and per student results.json, feedback.md`,
  );
  if (reportDir !== undefined) out(`class overview: ${join(reportDir, "report.html")}`);
  return 0;
}

/** The rubric, the export and the roster, each read and checked; undefined (exit 2) when one is refused. */
function classInputs(args: Args, err: (line: string) => void) {
  const rubric = rubricOption(args.options.get("rubric"), err);
  if (!rubric) return undefined;
  const exportTo = args.options.get("export");
  if (exportTo !== undefined && exportTo !== "canvas")
    throw new UsageError(`--export expects canvas, got ${exportTo === true ? "nothing" : exportTo}`);
  const roster = readRosterOption(args.options.get("roster"));
  if (roster && !roster.ok) {
    err(`gradcheck: --roster: ${roster.error}`);
    return undefined;
  }
  return { rubric, exportTo, roster };
}

/** gradeClass with the run's flags, a progress bar on the terminal while it runs. */
async function gradeWithProgress(
  args: Args,
  given: { outDir: string; reportDir?: string; rubric: Rubric; only?: readonly string[] },
  out: (line: string) => void,
): Promise<ClassRun> {
  const seedOption = args.options.get("seed");
  const progress = progressFor(out);
  const run = await gradeClass({
    classDir: args.positional[0],
    outDir: given.outDir,
    reportDir: given.reportDir,
    rubric: given.rubric,
    seed: seedOption === undefined ? undefined : integerOption(args, "seed", 0, 0),
    drawSeed: () => randomInt(0, 2 ** 31),
    jobs: integerOption(args, "jobs", availableParallelism(), 1),
    callTimeoutMs: integerOption(args, "timeout", defaultGradeTimeoutMs, 1),
    resume: args.options.has("resume"),
    only: given.only,
    onStart: progress.start,
    onStudent: progress.step,
  });
  progress.stop();
  return run;
}

/** Where the results go and in which form: --out (required), --format, --junit, --report. */
function outputFlags(args: Args): { outDir: string; format: "text" | "github"; junit?: string; reportDir?: string } {
  const outDir = args.options.get("out");
  if (typeof outDir !== "string") throw new UsageError("grade needs --out OUT_DIR");
  const format = args.options.get("format") ?? "text";
  if (format !== "text" && format !== "github") throw new UsageError(`--format expects text or github, got ${format}`);
  const junit = args.options.get("junit");
  if (junit === true) throw new UsageError("--junit needs a file");
  const reportDir = args.options.get("report");
  if (reportDir === true) throw new UsageError("--report needs a folder");
  return { outDir, format, junit, reportDir };
}

/** The roster's CSV (and its mismatches, on stderr), Canvas's CSV and the JUnit XML, each when asked for. */
function writeExports(
  run: ClassRun & { readonly ok: true },
  rubric: Rubric,
  to: { outDir: string; junit?: string; roster?: RosterOf; canvas: boolean; classDir: string },
  err: (line: string) => void,
): void {
  const results = run.students.map((s) => s.result);
  if (to.roster) {
    for (const note of rosterMismatch(to.roster, results)) err(`gradcheck: roster: ${note}`);
    writeFileSync(join(to.outDir, "roster.csv"), rosterCsv(to.roster, results, maxPointsOf(rubric)));
  }
  if (to.canvas) writeFileSync(join(to.outDir, "canvas.csv"), canvasCsv(rubric.name, maxPointsOf(rubric), results, to.roster));
  if (to.junit !== undefined) writeFileSync(to.junit, junitXml(`gradcheck grade ${to.classDir}`, classJUnit(rubric, run.students)));
}

type RosterOf = (RosterRead & { readonly ok: true })["roster"];

function readRosterOption(file: string | true | undefined): RosterRead | undefined {
  if (file === undefined) return undefined;
  if (file === true) throw new UsageError("--roster needs a CSV file");
  try {
    return readRoster(readFileSync(file, "utf8"));
  } catch (e) {
    return { ok: false, error: `${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

/** `grade --dry-run [--rubric R] [--seed S]`: the rubric tried on gradcheck's reference and each catalogued mistake. */
async function dryRunCommand(args: Args, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (args.positional.length > 0) throw new UsageError("grade --dry-run grades no class: drop CLASS_DIR");
  const rubric = rubricOption(args.options.get("rubric"), err);
  if (!rubric) return 2;
  const d = await dryRun(rubric, integerOption(args, "seed", 1, 0), integerOption(args, "timeout", defaultGradeTimeoutMs, 1));
  for (const line of dryRunTable(d)) out(line);
  return 0;
}

function rubricOption(file: string | true | undefined, err: (line: string) => void): Rubric | undefined {
  if (typeof file !== "string") return defaultRubric;
  const read = readRubric(file);
  if (read.ok) return read.rubric;
  for (const e of read.errors) err(`gradcheck: invalid rubric: ${e}`);
  return undefined;
}

export const gradeHelp = `usage: gradcheck grade CLASS_DIR --out OUT_DIR [options]
       gradcheck grade --dry-run [--rubric FILE] [--seed S]

Grades every subfolder (or NAME.zip) of CLASS_DIR as one student, in a sandbox; docs/grade.md.

  --out OUT_DIR        where summary.json, summary.csv, class.md and per student results.json,
                       feedback.md go (required; empty, or a run to --resume)
  --rubric FILE        the rubric (default: gradcheck's 100-point rubric)
  --jobs N             students graded at once (default: the number of cores)
  --seed S             the networks' seed (default: drawn once per run, recorded)
  --timeout MS         the limit of one call (default ${defaultGradeTimeoutMs})
  --resume             continue the run recorded in OUT_DIR; unchanged students are kept
  --only ID...         grade only these students
  --junit FILE         JUnit XML, one suite per student
  --format github      GitHub Actions annotations
  --report DIR         report.html, the class overview
  --roster FILE.csv    join ids to names, emails and SIS ids: OUT_DIR/roster.csv
  --export canvas      OUT_DIR/canvas.csv for Canvas's gradebook import
  --dry-run            grade gradcheck's reference and each catalogued mistake under the rubric,
                       print the points each loses per test; no class, no sandbox
  --help               this text`;

/** `--only` takes every following word up to the next --option. */
function takeOnly(words: readonly string[]): { rest: string[]; only?: string[] } {
  const at = words.indexOf("--only");
  if (at < 0) return { rest: [...words] };
  let end = at + 1;
  while (end < words.length && !words[end].startsWith("--")) end++;
  const only = words.slice(at + 1, end);
  if (only.length === 0) throw new UsageError("--only needs at least one student id");
  return { rest: [...words.slice(0, at), ...words.slice(end)], only };
}

/** A progress bar on a terminal (cli-progress); one plain line per student otherwise, for CI logs. */
function progressFor(out: (line: string) => void) {
  let total = 0,
    count = 0,
    failing = 0;
  let bar: cliProgress.SingleBar | undefined;
  const describe = (d: StudentDone) =>
    `${shown(d.result.id)}: ${d.result.status}, ${d.result.points}/${d.result.maxPoints}${d.reused ? " (unchanged, kept)" : ` (${d.seconds.toFixed(1)} s)`}`;
  return {
    start(n: number, seed: number) {
      total = n;
      if (process.stdout.isTTY) {
        bar = new cliProgress.SingleBar(
          { format: "grading {bar} {value}/{total} students | {failing} not full marks | ETA {eta_formatted} | {last}", hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { failing: 0, last: `seed ${seed}` });
      } else out(`grading ${n} students, seed ${seed}`);
    },
    step(d: StudentDone) {
      count++;
      if (d.result.score < 1) failing++;
      if (bar) bar.update(count, { failing, last: describe(d) });
      else out(`[${count}/${total}] ${describe(d)}`);
    },
    stop() {
      bar?.stop();
    },
  };
}
