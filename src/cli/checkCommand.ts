import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { checkSubmission } from "../judge/checkSubmission.ts";
import { defaultRuns, defaultSeed } from "../judge/checkImplementation.ts";
import { checkGithubAnnotations } from "../report/githubAnnotations.ts";
import { integerOption, parseArgs, UsageError } from "./args.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { checkJson } from "./checkJson.ts";
import { checkMarkdown } from "./checkMarkdown.ts";
import { renderCheckReport } from "./renderCheckReport.ts";
import { checkReplay } from "./shellWord.ts";

const formats = ["text", "github"] as const;

/**
 * `gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
 * [--junit FILE] [--format text|github] [--case FILE] [--precision float32] [--allow-unstable-cost]`
 * (docs/check.md). The analysis is
 * checkSubmission's (or replayCase's, with --case); this only renders it and returns the exit code.
 */
export async function checkCommand(words: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["seed", "runs", "report", "timeout", "junit", "format", "case", "precision"], ["json", "allow-unstable-cost"]);
  if (args.positional.length !== 1) throw new UsageError(`check needs exactly one SUBMISSION (a folder), got ${args.positional.length}`);
  const [path] = args.positional as [string];
  const seed = integerOption(args, "seed", defaultSeed, 0);
  const runs = integerOption(args, "runs", defaultRuns, 1);
  const callTimeoutMs = integerOption(args, "timeout", 5000, 1);
  const reportDir = valued(args.options.get("report"), "--report needs a folder");
  const junitFile = valued(args.options.get("junit"), "--junit needs a file name");
  const format = valued(args.options.get("format"), "--format needs text or github") ?? "text";
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format expects one of ${formats.join(", ")}, got ${format}`);
  const caseFile = valued(args.options.get("case"), "--case needs a case file");
  if (caseFile !== undefined) return (await import("./replayCommand.ts")).replayCommand(path, caseFile, callTimeoutMs, out);

  const precision = valued(args.options.get("precision"), "--precision needs float64 or float32") ?? "float64";
  if (precision !== "float64" && precision !== "float32") throw new UsageError(`--precision expects float64 or float32, got ${precision}`);
  const allowUnstableCost = args.options.has("allow-unstable-cost");

  const report = await checkSubmission(path, { seed, runs, callTimeoutMs, precision, allowUnstableCost, evidence: reportDir !== undefined });
  const flags = `${precision === "float32" ? " --precision float32" : ""}${allowUnstableCost ? " --allow-unstable-cost" : ""}`;
  const replay = checkReplay(path, seed, runs) + flags;
  const json = checkJson(report, replay);
  let counterexampleFile: string | undefined;
  if (reportDir !== undefined) {
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, "check-report.json"), JSON.stringify(json, null, 1) + "\n");
    writeFileSync(join(reportDir, "check-report.md"), checkMarkdown(report, replay, path));
    // The HTML renderer and its plotting libraries load only when a report is asked for.
    const { renderCheckHtml } = await import("../report/renderCheckHtml.ts");
    writeFileSync(join(reportDir, "report.html"), await renderCheckHtml(report, { replay, exitCode: checkExitCode(report), evidence: report.evidence }));
    if (report.counterexample) {
      counterexampleFile = join(reportDir, "counterexample.json");
      writeFileSync(counterexampleFile, JSON.stringify(report.counterexample, null, 1) + "\n");
    }
  }
  const text = renderCheckReport(report, replay, counterexampleFile, path);
  if (junitFile !== undefined) {
    mkdirSync(dirname(junitFile), { recursive: true });
    // The XML library (and its lodash) loads only when JUnit output is asked for.
    const { checkJunit } = await import("../report/checkJunit.ts");
    writeFileSync(junitFile, checkJunit(report, replay, text, path));
  }
  if (args.options.has("json")) out(JSON.stringify(json));
  else {
    if (format === "github") for (const line of checkGithubAnnotations(report, replay, path)) out(line);
    for (const line of text) out(line);
    if (reportDir !== undefined) out(`report with plots: ${join(reportDir, "report.html")}`);
  }
  return checkExitCode(report);
}

function valued(v: string | true | undefined, missing: string): string | undefined {
  if (v === true) throw new UsageError(missing);
  return v;
}
