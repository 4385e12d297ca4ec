import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { assignmentForFolder, checkSubmission, type CheckReportWithEvidence } from "../judge/checkSubmission.ts";
import { defaultDeadlineMs, defaultRuns, defaultSeed } from "../judge/checkDefaults.ts";
import { checkGithubAnnotations } from "../report/githubAnnotations.ts";
import { integerOption, parseArgs, UsageError, type Args } from "./args.ts";
import { assignmentFieldNames, assignmentFlag, describeAssignment, parseAssignment, type Assignment } from "../judge/Assignment.ts";
import { checkExitCode } from "../report/checkExitCode.ts";
import type { CheckReport } from "../judge/checkReport.ts";
import { checkReplay } from "../report/shellWord.ts";

const formats = ["text", "github"] as const;

/**
 * The assignment's fields as flags: --hidden-activation for hiddenActivation, and so on.
 * allowUnstableCost is left to --allow-unstable-cost, a judging flag on its own: given alone
 * it does not make an assignment (the cases stay the documented ones).
 */
const assignmentFields = assignmentFieldNames.filter((f) => f !== "allowUnstableCost");
const assignmentFlags = assignmentFields.map(assignmentFlag);

/** The Assignment the flags state, or undefined when none is given (check as documented by default). */
function assignmentFromFlags(args: Args): { assignment: Assignment; words: string[] } | undefined {
  const fields: Record<string, string | boolean> = {};
  const words: string[] = [];
  assignmentFlags.forEach((flag, k) => {
    const v = args.options.get(flag);
    if (v === undefined) return;
    fields[assignmentFields[k]] = v;
    words.push(v === true ? `--${flag}` : `--${flag} ${v}`);
  });
  if (words.length === 0) return undefined;
  const parsed = parseAssignment(fields);
  if (!parsed.ok)
    throw new UsageError(
      parsed.error.replace(/^assignment (\w+)/, (_m, f: string) => `--${assignmentFlags[assignmentFields.indexOf(f as never)] ?? f}`),
    );
  return { assignment: parsed.assignment, words };
}

/**
 * `gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
 * [--junit FILE] [--format text|github] [--case FILE] [--precision float32] [--allow-unstable-cost]
 * [--deadline S] [--unsafe-no-sandbox] [assignment flags: --profile ex4, --output FAMILY, …]`
 * (docs/check.md). The analysis is checkSubmission's (or replayCase's, with --case); this
 * only renders it and returns the exit code.
 */
export async function checkCommand(words: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(
    words,
    ["seed", "runs", "report", "timeout", "junit", "format", "case", "precision", "deadline", ...assignmentFlags],
    ["json", "allow-unstable-cost", "unsafe-no-sandbox"],
  );
  if (args.positional.length !== 1) throw new UsageError(`check needs exactly one SUBMISSION (a folder), got ${args.positional.length}`);
  const [path] = args.positional as [string];
  const flags = checkFlags(args);
  const fromFlags = assignmentFromFlags(args);
  const stated = fromFlags && { ...fromFlags, assignment: assignmentForFolder(path, fromFlags.assignment) };
  if (flags.caseFile !== undefined)
    return (await import("./replayCommand.ts")).replayCommand(path, flags.caseFile, flags.callTimeoutMs, out, stated?.assignment);
  const { precision, allowUnstableCost } = judgingFlags(args);

  const renderers = loadRenderers();
  const reportDir = flags.reportDir;
  const report = await checkSubmission(path, {
    ...searchOptions(flags),
    precision,
    allowUnstableCost,
    evidence: reportDir !== undefined,
    ...(stated ? { assignment: stated.assignment } : {}),
  });
  const replay = checkReplay(path, flags.seed, flags.runs) + replayFlags(precision, allowUnstableCost, stated?.words);
  const [{ checkJson }, { checkMarkdown }, { renderCheckReport }] = await renderers;
  const json = checkJson(report, replay);
  const counterexampleFile =
    reportDir === undefined ? undefined : await writeReportFolder(reportDir, report, replay, json, checkMarkdown(report, replay, path));
  const described = stated && describeAssignment(stated.assignment);
  const text = renderCheckReport(report, replay, counterexampleFile, path, described, stated?.assignment);
  if (flags.junitFile !== undefined) await writeJunit(flags.junitFile, report, replay, text, path);
  if (args.options.has("json")) out(JSON.stringify(json));
  else printCheck(out, { report, replay, path, text, github: flags.format === "github", reportDir });
  return checkExitCode(report);
}

/** The renderers (and the judge's modules they share) load while the sandbox starts; see checkSubmission. */
function loadRenderers() {
  const renderers = Promise.all([
    import("../report/checkJson.ts"),
    import("../report/checkMarkdown.ts"),
    import("../report/renderCheckReport.ts"),
  ]);
  renderers.catch(() => {});
  return renderers;
}

/** The flags every check reads, validated in the order they are documented. */
function checkFlags(args: Args) {
  const seed = integerOption(args, "seed", defaultSeed, 0);
  const runs = integerOption(args, "runs", defaultRuns, 1);
  const callTimeoutMs = integerOption(args, "timeout", 5000, 1);
  const deadlineMs = integerOption(args, "deadline", defaultDeadlineMs / 1000, 1) * 1000;
  const unsafeNoSandbox = args.options.has("unsafe-no-sandbox");
  const reportDir = valued(args.options.get("report"), "--report needs a folder");
  const junitFile = valued(args.options.get("junit"), "--junit needs a file name");
  const format = valued(args.options.get("format"), "--format needs text or github") ?? "text";
  if (!(formats as readonly string[]).includes(format))
    throw new UsageError(`--format expects one of ${formats.join(", ")}, got ${format}`);
  const caseFile = valued(args.options.get("case"), "--case needs a case file");
  return { seed, runs, callTimeoutMs, deadlineMs, unsafeNoSandbox, reportDir, junitFile, format, caseFile };
}

/** The flags besides seed and runs that the replay command must repeat to check the same way. */
function replayFlags(precision: "float64" | "float32", allowUnstableCost: boolean, assignmentWords: readonly string[] | undefined): string {
  return `${precision === "float32" ? " --precision float32" : ""}${allowUnstableCost ? " --allow-unstable-cost" : ""}${assignmentWords ? " " + assignmentWords.join(" ") : ""}`;
}

/** The search's own options, in the order checkSubmission documents them. */
function searchOptions({ seed, runs, callTimeoutMs, deadlineMs, unsafeNoSandbox }: ReturnType<typeof checkFlags>) {
  return { seed, runs, callTimeoutMs, deadlineMs, unsafeNoSandbox };
}

/** The terminal's report: GitHub's annotations first when asked for, then the text, then where the HTML report is. */
function printCheck(
  out: (line: string) => void,
  shown: { report: CheckReport; replay: string; path: string; text: readonly string[]; github: boolean; reportDir?: string },
): void {
  if (shown.github) for (const line of checkGithubAnnotations(shown.report, shown.replay, shown.path)) out(line);
  for (const line of shown.text) out(line);
  if (shown.reportDir !== undefined) out(`report with plots: ${join(shown.reportDir, "report.html")}`);
}

/** How the search judges: read only when it runs (a replayed --case judges as the search does). */
function judgingFlags(args: Args): { precision: "float64" | "float32"; allowUnstableCost: boolean } {
  const precision = valued(args.options.get("precision"), "--precision needs float64 or float32") ?? "float64";
  if (precision !== "float64" && precision !== "float32") throw new UsageError(`--precision expects float64 or float32, got ${precision}`);
  return { precision, allowUnstableCost: args.options.has("allow-unstable-cost") };
}

/** --report: the JSON, the Markdown, the HTML with its plots, and the counterexample's file (returned) when there is one. */
async function writeReportFolder(
  reportDir: string,
  report: CheckReportWithEvidence,
  replay: string,
  json: unknown,
  markdown: string,
): Promise<string | undefined> {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, "check-report.json"), JSON.stringify(json, null, 1) + "\n");
  writeFileSync(join(reportDir, "check-report.md"), markdown);
  // The HTML renderer and its plotting libraries load only when a report is asked for.
  const { renderCheckHtml } = await import("../report/renderCheckHtml.ts");
  writeFileSync(
    join(reportDir, "report.html"),
    await renderCheckHtml(report, { replay, exitCode: checkExitCode(report), evidence: report.evidence }),
  );
  if (!report.counterexample) return undefined;
  const counterexampleFile = join(reportDir, "counterexample.json");
  writeFileSync(counterexampleFile, JSON.stringify(report.counterexample, null, 1) + "\n");
  return counterexampleFile;
}

async function writeJunit(junitFile: string, report: CheckReport, replay: string, text: readonly string[], path: string): Promise<void> {
  mkdirSync(dirname(junitFile), { recursive: true });
  // The XML library (and its lodash) loads only when JUnit output is asked for.
  const { checkJunit } = await import("../report/checkJunit.ts");
  writeFileSync(junitFile, checkJunit(report, replay, text, path));
}

function valued(v: string | true | undefined, missing: string): string | undefined {
  if (v === true) throw new UsageError(missing);
  return v;
}
