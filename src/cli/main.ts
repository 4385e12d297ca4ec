import { UsageError } from "./args.ts";
import { checkCommand } from "./checkCommand.ts";
import { evalCommand } from "./evalCommand.ts";
import { gradeCommand } from "./gradeCommand.ts";
import { autogradeCommand, gradescopeCommand } from "./gradescopeCommand.ts";
import { tour } from "./tour.ts";

const usage = `usage:
  gradcheck eval [--method backprop|loop|tape|fd|fd-bignumber] [--repeat N] CASE.json...
  gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
  gradcheck grade CLASS_DIR --out OUT_DIR [--rubric FILE] [--jobs N] [--seed S] [--timeout MS] [--resume]
                  [--junit FILE] [--format github] [--only ID...]
  gradcheck gradescope [--rubric FILE] [--seed S] [--timeout MS] --out autograder.zip
  gradcheck tour`;

/** Dispatches a verb; returns the exit code. The only module that decides exit codes' meaning per verb. */
export async function main(words: readonly string[]): Promise<number> {
  const [verb, ...rest] = words;
  const out = (line: string) => void process.stdout.write(line + "\n");
  try {
    switch (verb) {
      case "eval":
        return await evalCommand(rest, out);
      case "check":
        return await checkCommand(rest, out);
      case "grade":
        return await gradeCommand(rest, out, (line) => void process.stderr.write(line + "\n"));
      case "gradescope":
        return await gradescopeCommand(rest, out, (line) => void process.stderr.write(line + "\n"));
      case "autograde":
        return await autogradeCommand(rest, (line) => void process.stderr.write(line + "\n"));
      case "tour":
        return await tour(out);
      case undefined:
      case "help":
      case "--help":
        out(usage);
        return verb === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${verb}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`gradcheck: ${e.message}\n${usage}\n`);
      return 2;
    }
    throw e;
  }
}
