import { readFileSync } from "node:fs";
import { autograde } from "../grade/autograde.ts";
import { defaultRubric } from "../grade/defaultRubric.ts";
import { readRubric } from "../grade/validateRubric.ts";
import { integerOption, parseArgs, UsageError, type Args } from "./args.ts";
import { defaultGradeTimeoutMs } from "./defaultGradeTimeout.ts";

/**
 * `gradcheck autograde --root DIR --rubric FILE (--seed S | --seed-file FILE) [--timeout MS]`:
 * what run_autograder calls on Gradescope, with --seed-file, so that the seed is on no command
 * line a submission could read. Its own file, importing grading alone, so that the autograder
 * zip can leave out what only building it, the progress bar, the exports or the charts load.
 */
export async function autogradeCommand(words: readonly string[], err: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["root", "rubric", "seed", "seed-file", "timeout"], []);
  const root = args.options.get("root");
  if (typeof root !== "string") throw new UsageError("autograde needs --root DIR (Gradescope's /autograder)");
  const file = args.options.get("rubric");
  const read = typeof file === "string" ? readRubric(file) : ({ ok: true, rubric: defaultRubric } as const);
  if (!read.ok) {
    for (const e of read.errors) err(`gradcheck: invalid rubric: ${e}`);
    return 2;
  }
  await autograde(root, read.rubric, seedOf(args), integerOption(args, "timeout", defaultGradeTimeoutMs, 1));
  return 0;
}

function seedOf(args: Args): number {
  const file = args.options.get("seed-file");
  if (typeof file !== "string") return integerOption(args, "seed", 0, 0);
  const seed = Number(readFileSync(file, "utf8").trim());
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed-file ${file}: not a whole number ≥ 0`);
  return seed;
}
