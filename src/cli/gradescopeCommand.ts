import { randomInt } from "node:crypto";
import { buildAutograder } from "../grade/buildAutograder.ts";
import { defaultRubric } from "../grade/defaultRubric.ts";
import type { Rubric } from "../grade/Rubric.ts";
import { readRubric } from "../grade/validateRubric.ts";
import { integerOption, parseArgs, UsageError, type Args } from "./args.ts";
import { defaultGradeTimeoutMs } from "./defaultGradeTimeout.ts";

/** `gradcheck gradescope [--rubric FILE] [--seed S] [--timeout MS] --out autograder.zip`: builds the Gradescope autograder. */
export async function gradescopeCommand(
  words: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const args = parseArgs(words, ["out", "rubric", "seed", "timeout"], ["bundle-node"]);
  if (args.positional.length) throw new UsageError(`gradescope takes no positional arguments, got ${args.positional.join(" ")}`);
  const file = args.options.get("out");
  if (typeof file !== "string") throw new UsageError("gradescope needs --out autograder.zip");
  const rubric = rubricOf(args, err);
  if (!rubric) return 2;
  const seed = args.options.has("seed") ? integerOption(args, "seed", 0, 0) : randomInt(0, 2 ** 31);
  const timeout = integerOption(args, "timeout", defaultGradeTimeoutMs, 1);
  // Node.js is fetched by setup.sh unless asked to be packed: it is two thirds of a bundled zip
  const node = args.options.has("bundle-node") ? "bundle" : "download";
  const { files, bytes } = await buildAutograder(file, rubric, seed, timeout, node);
  out(
    `wrote ${file}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB (rubric "${rubric.name}", seed ${seed}, Node ${process.version}).${node === "download" ? " setup.sh fetches Node.js from nodejs.org; --bundle-node packs it instead." : ""} Upload it as the assignment's autograder on Gradescope.`,
  );
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
