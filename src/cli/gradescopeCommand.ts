import { readFileSync } from "node:fs";
import { randomInt } from "node:crypto";
import { autograde } from "../grade/autograde.ts";
import { buildAutograder } from "../grade/buildAutograder.ts";
import { defaultRubric } from "../grade/defaultRubric.ts";
import type { Rubric } from "../grade/Rubric.ts";
import { readRubric } from "../grade/validateRubric.ts";
import { integerOption, parseArgs, UsageError, type Args } from "./args.ts";
import { defaultGradeTimeoutMs } from "./gradeCommand.ts";

/** `gradcheck gradescope [--rubric FILE] [--seed S] [--timeout MS] --out autograder.zip`: builds the Gradescope autograder. */
export async function gradescopeCommand(
  words: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const args = parseArgs(words, ["out", "rubric", "seed", "timeout"], []);
  if (args.positional.length) throw new UsageError(`gradescope takes no positional arguments, got ${args.positional.join(" ")}`);
  const file = args.options.get("out");
  if (typeof file !== "string") throw new UsageError("gradescope needs --out autograder.zip");
  const rubric = rubricOf(args, err);
  if (!rubric) return 2;
  const seed = args.options.has("seed") ? integerOption(args, "seed", 0, 0) : randomInt(0, 2 ** 31);
  const timeout = integerOption(args, "timeout", defaultGradeTimeoutMs, 1);
  const { files, bytes } = await buildAutograder(file, rubric, seed, timeout);
  out(
    `wrote ${file}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB (rubric "${rubric.name}", seed ${seed}, Node ${process.version}). Upload it as the assignment's autograder on Gradescope.`,
  );
  return 0;
}

/**
 * `gradcheck autograde --root DIR --rubric FILE (--seed S | --seed-file FILE) [--timeout MS]`:
 * what run_autograder calls on Gradescope, with --seed-file, so that the seed is on no command line.
 */
export async function autogradeCommand(words: readonly string[], err: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["root", "rubric", "seed", "seed-file", "timeout"], []);
  const root = args.options.get("root");
  if (typeof root !== "string") throw new UsageError("autograde needs --root DIR (Gradescope's /autograder)");
  const rubric = rubricOf(args, err);
  if (!rubric) return 2;
  await autograde(root, rubric, seedOf(args), integerOption(args, "timeout", defaultGradeTimeoutMs, 1));
  return 0;
}

function rubricOf(args: Args, err: (line: string) => void): Rubric | undefined {
  const file = args.options.get("rubric");
  if (typeof file !== "string") return defaultRubric;
  const read = readRubric(file);
  if (read.ok) return read.rubric;
  for (const e of read.errors) err(`gradcheck: invalid rubric: ${e}`);
  return undefined;
}

function seedOf(args: Args): number {
  const file = args.options.get("seed-file");
  if (typeof file !== "string") return integerOption(args, "seed", 0, 0);
  const seed = Number(readFileSync(file, "utf8").trim());
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed-file ${file}: not a whole number ≥ 0`);
  return seed;
}
