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

type Line = (line: string) => void;

/** One row per verb, each imported when it runs: `gradcheck help` loads none of them, `check` never loads mathjs. */
const verbs: Readonly<Record<string, (rest: readonly string[], out: Line, err: Line) => Promise<number>>> = {
  eval: async (rest, out) => (await import("./evalCommand.ts")).evalCommand(rest, out),
  check: async (rest, out) => (await import("./checkCommand.ts")).checkCommand(rest, out),
  train: async (rest, out) => (await import("./trainCommand.ts")).trainCommand(rest, out),
  grade: async (rest, out, err) => (await import("./gradeCommand.ts")).gradeCommand(rest, out, err),
  gradescope: async (rest, out, err) => (await import("./gradescopeCommand.ts")).gradescopeCommand(rest, out, err),
  rubric: async (rest, out) => (await import("./rubricCommand.ts")).rubricCommand(rest, out),
  autograde: async (rest, _out, err) => (await import("./autogradeCommand.ts")).autogradeCommand(rest, err),
  tour: tourVerb,
  "--version": version,
  "-v": version,
  help: async (rest, out) => {
    out(rest[0] === "grade" ? (await import("./gradeCommand.ts")).gradeHelp : usage);
    return 0;
  },
  "--help": async (_rest, out) => {
    out(usage);
    return 0;
  },
};

async function tourVerb(rest: readonly string[], out: Line): Promise<number> {
  const args = parseArgs(rest, ["report"], ["verbose"]);
  const report = args.options.get("report") ?? "reports/tour";
  if (report === true) throw new UsageError("--report needs a folder");
  if (args.positional.length > 0) throw new UsageError(`tour takes no arguments, got ${args.positional[0]}`);
  return (await import("./tour.ts")).tour(out, { verbose: args.options.has("verbose"), reportDir: report });
}

async function version(_rest: readonly string[], out: Line): Promise<number> {
  out((await import("./packageRoot.ts")).packageVersion());
  return 0;
}

/**
 * Dispatches a verb and returns its exit code (each verb decides its own); 2 for a usage error
 * or when the checker's own machinery fails.
 */
export async function main(words: readonly string[]): Promise<number> {
  const [verb, ...rest] = words;
  const paint = terminalColour(process.stdout, process.env);
  const out = (line: string) => void process.stdout.write(paint(line) + "\n");
  const err = (line: string) => void process.stderr.write(line + "\n");
  exitOnSignals();
  try {
    if (verb === undefined) {
      out(usage);
      return 2;
    }
    if (!Object.hasOwn(verbs, verb)) throw new UsageError(`unknown command '${verb}'`);
    return await verbs[verb](rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`gradcheck: ${e.message}\n${usage}`);
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
