import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkSubmission } from "../judge/checkSubmission.ts";
import { defaultRuns, defaultSeed } from "../judge/checkImplementation.ts";
import { integerOption, parseArgs, UsageError, type Args } from "./args.ts";
import { assignmentFieldNames, describeAssignment, parseAssignment, type Assignment } from "../judge/Assignment.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { checkJson } from "./checkJson.ts";
import { checkMarkdown } from "./checkMarkdown.ts";
import { renderCheckReport } from "./renderCheckReport.ts";

/**
 * `gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]`
 * (CONTRACT §5). The analysis is checkSubmission's; this only renders it and returns the exit code.
 */
/** The assignment's fields as flags: --hidden-activation for hiddenActivation, and so on. */
const assignmentFlags = assignmentFieldNames.map((f) => f.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()));

/** The Assignment the flags state, or undefined when none is given (check as documented by default). */
function assignmentFromFlags(args: Args): { assignment: Assignment; words: string[] } | undefined {
  const fields: Record<string, string | boolean> = {};
  const words: string[] = [];
  assignmentFlags.forEach((flag, k) => {
    const v = args.options.get(flag);
    if (v === undefined) return;
    fields[assignmentFieldNames[k]] = v;
    words.push(v === true ? `--${flag}` : `--${flag} ${v}`);
  });
  if (words.length === 0) return undefined;
  const parsed = parseAssignment(fields);
  if (!parsed.ok) throw new UsageError(parsed.error.replace(/^assignment (\w+)/, (_m, f: string) => `--${assignmentFlags[assignmentFieldNames.indexOf(f as never)] ?? f}`));
  return { assignment: parsed.assignment, words };
}

export async function checkCommand(words: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["seed", "runs", "report", "timeout", ...assignmentFlags.filter((f) => f !== "allow-unstable-cost")], ["json", "allow-unstable-cost"]);
  if (args.positional.length !== 1) throw new UsageError(`check needs exactly one SUBMISSION (a folder), got ${args.positional.length}`);
  const [path] = args.positional;
  const seed = integerOption(args, "seed", defaultSeed, 0);
  const runs = integerOption(args, "runs", defaultRuns, 1);
  const callTimeoutMs = integerOption(args, "timeout", 5000, 1);
  const reportDir = args.options.get("report");
  if (reportDir === true) throw new UsageError("--report needs a folder");

  const stated = assignmentFromFlags(args);
  const report = await checkSubmission(path, { seed, runs, callTimeoutMs, ...(stated ? { assignment: stated.assignment } : {}) });
  const replay = `gradcheck check ${path}${stated ? " " + stated.words.join(" ") : ""} --seed ${seed} --runs ${runs}`;
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
  else for (const line of renderCheckReport(report, replay, counterexampleFile, stated && describeAssignment(stated.assignment))) out(line);
  return checkExitCode(report);
}
