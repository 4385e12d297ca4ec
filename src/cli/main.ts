import { parseArgs, UsageError } from "./args.ts";
import { checkCommand } from "./checkCommand.ts";
import { terminalColour } from "./terminalColour.ts";
import { evalCommand } from "./evalCommand.ts";
import { tour } from "./tour.ts";
import { trainCommand } from "./trainCommand.ts";

const usage = `usage:
  gradcheck eval [--method backprop|loop|tape|fd|fd-bignumber] [--repeat N] CASE.json...
  gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
  gradcheck train [--hidden 25] [--lambda 1] [--iterations 400] [--rate 2] [--seed S] [--report DIR] [--slide-lambda]
  gradcheck tour [--verbose] [--report DIR]   (default DIR: reports/tour)`;

/** Dispatches a verb; returns the exit code. The only module that decides exit codes' meaning per verb. */
export async function main(words: readonly string[]): Promise<number> {
  const [verb, ...rest] = words;
  const paint = terminalColour(process.stdout, process.env);
  const out = (line: string) => void process.stdout.write(paint(line) + "\n");
  try {
    switch (verb) {
      case "eval":
        return await evalCommand(rest, out);
      case "check":
        return await checkCommand(rest, out);
      case "train":
        return await trainCommand(rest, out);
      case "tour": {
        const args = parseArgs(rest, ["report"], ["verbose"]);
        const report = args.options.get("report") ?? "reports/tour";
        if (report === true) throw new UsageError("--report needs a folder");
        if (args.positional.length > 0) throw new UsageError(`tour takes no arguments, got ${args.positional[0]}`);
        return await tour(out, { verbose: args.options.has("verbose"), reportDir: report });
      }
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
