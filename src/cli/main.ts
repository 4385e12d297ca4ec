import { UsageError } from "./args.ts";
import { checkCommand } from "./checkCommand.ts";
import { evalCommand } from "./evalCommand.ts";
import { tour } from "./tour.ts";
import { defaultDeadlineMs } from "../judge/checkImplementation.ts";

let signalsHandled = false;
/**
 * SIGINT and SIGTERM become an ordinary exit (130, 143), so the sandbox's exit-time release
 * runs: children killed, cgroups and staging folders removed.
 */
function exitOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
}

const usage = `usage:
  gradcheck eval [--method backprop|loop|tape|fd|fd-bignumber] [--repeat N] CASE.json...
  gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
                  [--deadline S (default ${defaultDeadlineMs / 1000})] [--unsafe-no-sandbox]
  gradcheck tour`;

/** Dispatches a verb; returns the exit code. The only module that decides exit codes' meaning per verb. */
export async function main(words: readonly string[]): Promise<number> {
  const [verb, ...rest] = words;
  const out = (line: string) => void process.stdout.write(line + "\n");
  exitOnSignals();
  try {
    switch (verb) {
      case "eval":
        return await evalCommand(rest, out);
      case "check":
        return await checkCommand(rest, out);
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
    // The checker's own machinery failed: never an uncaught exception that looks like "wrong".
    out(JSON.stringify({ passed: false, exitCode: 2, problem: "internal-error", message: `gradcheck failed: ${(e as Error)?.message ?? String(e)}` }));
    return 2;
  }
}
