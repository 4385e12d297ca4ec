import { UsageError } from "./args.ts";
import { checkCommand } from "./checkCommand.ts";
import { evalCommand } from "./evalCommand.ts";
import { tour } from "./tour.ts";

const usage = `usage:
  gradcheck eval [--method backprop|loop|tape|fd|fd-bignumber] [--repeat N] CASE.json...
  gradcheck check SUBMISSION [--seed S] [--runs N] [--json] [--report DIR] [--timeout MS]
        [--profile ex4] [--hidden-activation sigmoid|tanh|relu] [--output FAMILY] [--labels 0-based|1-based|one-hot]
        [--layout unrolled|unrolled-column-major] [--hidden-layers N|A..B] [--classes N|A..B] [--lambda L,…] [--allow-unstable-cost]
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
