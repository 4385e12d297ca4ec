import { parseArgs, UsageError } from "./args.ts";
import { terminalColour } from "./terminalColour.ts";

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
  gradcheck eval [--method backprop|loop|tape|fd|fd-bignumber] [--repeat N] [--threads T] CASE.json...
  gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
                             [--case FILE] [--junit FILE] [--format text|github]
                             [--precision float32] [--allow-unstable-cost]
                             [--deadline S (default 180)] [--unsafe-no-sandbox]
                             [--profile ex4|cs231n|dlai] [--variant V] [--regularizer reg|half-reg]
                             [--hidden-activation sigmoid|tanh|relu] [--output FAMILY]
                             [--labels 0-based|1-based|one-hot] [--layout unrolled|unrolled-column-major|wb]
                             [--hidden-layers N|A..B] [--classes N|A..B] [--lambda L,…]
  gradcheck train [--hidden 25] [--lambda 1] [--iterations 400] [--rate 2] [--seed S] [--report DIR] [--slide-lambda]
  gradcheck grade CLASS_DIR --out OUT_DIR [--rubric FILE] [--jobs N] [--seed S] [--timeout MS] [--resume]
                  [--junit FILE] [--format github] [--report DIR] [--only ID...]
                  [--roster FILE.csv] [--export canvas]      (gradcheck help grade: every option)
  gradcheck grade --dry-run [--rubric FILE] [--seed S]
  gradcheck gradescope [--rubric FILE] [--seed S] [--timeout MS] [--bundle-node] --out autograder.zip
  gradcheck rubric --profile ex4|cs231n-two-layer|cs231n-fc-net|dlai-step|dlai-regularization|dlai-gradient-checking   (prints a built-in rubric; grade --rubric NAME uses it)
  gradcheck tour [--verbose] [--report DIR]   (default DIR: reports/tour)
  gradcheck --version`;

/**
 * Dispatches a verb; returns the exit code. The only module that decides exit codes' meaning per verb.
 * Each verb is imported when it runs, so `gradcheck help` loads none of them and `check` never
 * loads the BigNumber oracle's mathjs.
 */
export async function main(words: readonly string[]): Promise<number> {
  const [verb, ...rest] = words;
  const paint = terminalColour(process.stdout, process.env);
  const out = (line: string) => void process.stdout.write(paint(line) + "\n");
  exitOnSignals();
  try {
    switch (verb) {
      case "eval":
        return await (await import("./evalCommand.ts")).evalCommand(rest, out);
      case "check":
        return await (await import("./checkCommand.ts")).checkCommand(rest, out);
      case "train":
        return await (await import("./trainCommand.ts")).trainCommand(rest, out);
      case "grade":
        return await (await import("./gradeCommand.ts")).gradeCommand(rest, out, (line) => void process.stderr.write(line + "\n"));
      case "gradescope":
        return await (
          await import("./gradescopeCommand.ts")
        ).gradescopeCommand(rest, out, (line) => void process.stderr.write(line + "\n"));
      case "rubric":
        return (await import("./rubricCommand.ts")).rubricCommand(rest, out);
      case "autograde":
        return await (await import("./autogradeCommand.ts")).autogradeCommand(rest, (line) => void process.stderr.write(line + "\n"));
      case "tour": {
        const args = parseArgs(rest, ["report"], ["verbose"]);
        const report = args.options.get("report") ?? "reports/tour";
        if (report === true) throw new UsageError("--report needs a folder");
        if (args.positional.length > 0) throw new UsageError(`tour takes no arguments, got ${args.positional[0]}`);
        return await (await import("./tour.ts")).tour(out, { verbose: args.options.has("verbose"), reportDir: report });
      }
      case "--version":
      case "-v":
        out((await import("./packageRoot.ts")).packageVersion());
        return 0;
      case "help":
        if (rest[0] === "grade") {
          out((await import("./gradeCommand.ts")).gradeHelp);
          return 0;
        }
        out(usage);
        return 0;
      case undefined:
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
    out(
      JSON.stringify({
        passed: false,
        exitCode: 2,
        problem: "internal-error",
        message: `gradcheck failed: ${(e as Error)?.message ?? String(e)}`,
      }),
    );
    return 2;
  }
}
