import { autograde } from "../grade/autograde.ts";
import { defaultRubric } from "../grade/defaultRubric.ts";
import { readRubric } from "../grade/validateRubric.ts";
import { integerOption, parseArgs, UsageError } from "./args.ts";
import { defaultGradeTimeoutMs } from "./defaultGradeTimeout.ts";

/**
 * `gradcheck autograde --root DIR --rubric FILE --seed S [--timeout MS]`: what run_autograder
 * calls on Gradescope. Its own file, importing grading alone, so that the autograder zip can
 * leave out what only building it, the progress bar, the exports or the charts load.
 */
export async function autogradeCommand(words: readonly string[], err: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["root", "rubric", "seed", "timeout"], []);
  const root = args.options.get("root");
  if (typeof root !== "string") throw new UsageError("autograde needs --root DIR (Gradescope's /autograder)");
  const file = args.options.get("rubric");
  const read = typeof file === "string" ? readRubric(file) : ({ ok: true, rubric: defaultRubric } as const);
  if (!read.ok) {
    for (const e of read.errors) err(`gradcheck: invalid rubric: ${e}`);
    return 2;
  }
  await autograde(root, read.rubric, integerOption(args, "seed", 0, 0), integerOption(args, "timeout", defaultGradeTimeoutMs, 1));
  return 0;
}
