import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkSubmission } from "../judge/checkSubmission.ts";
import { defaultDeadlineMs, defaultRuns, defaultSeed } from "../judge/checkImplementation.ts";
import { integerOption, parseArgs, UsageError } from "./args.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { checkJson } from "./checkJson.ts";
import { checkMarkdown } from "./checkMarkdown.ts";
import { renderCheckReport } from "./renderCheckReport.ts";

/**
 * `gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
 * [--deadline S] [--unsafe-no-sandbox]`. The analysis is checkSubmission's; this only renders
 * it and returns the exit code.
 */
export async function checkCommand(words: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["seed", "runs", "report", "timeout", "deadline"], ["json", "unsafe-no-sandbox"]);
  if (args.positional.length !== 1) throw new UsageError(`check needs exactly one SUBMISSION (a folder), got ${args.positional.length}`);
  const [path] = args.positional;
  const seed = integerOption(args, "seed", defaultSeed, 0);
  const runs = integerOption(args, "runs", defaultRuns, 1);
  const callTimeoutMs = integerOption(args, "timeout", 5000, 1);
  const deadlineMs = integerOption(args, "deadline", defaultDeadlineMs / 1000, 1) * 1000;
  const unsafeNoSandbox = args.options.has("unsafe-no-sandbox");
  const reportDir = args.options.get("report");
  if (reportDir === true) throw new UsageError("--report needs a folder");

  const report = await checkSubmission(path, { seed, runs, callTimeoutMs, deadlineMs, unsafeNoSandbox });
  const replay = `gradcheck check ${path} --seed ${seed} --runs ${runs}`;
  const json = checkJson(report, replay);
  let counterexampleFile: string | undefined;
  if (reportDir !== undefined) {
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, "check-report.json"), JSON.stringify(json, null, 1) + "\n");
    writeFileSync(join(reportDir, "check-report.md"), checkMarkdown(report, replay));
    if (report.counterexample) {
      counterexampleFile = join(reportDir, "counterexample.json");
      writeFileSync(counterexampleFile, JSON.stringify(report.counterexample, null, 1) + "\n");
    }
  }
  if (args.options.has("json")) out(JSON.stringify(json));
  else for (const line of renderCheckReport(report, replay, counterexampleFile)) out(line);
  return checkExitCode(report);
}
