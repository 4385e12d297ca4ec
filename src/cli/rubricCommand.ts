import { builtinRubrics } from "../grade/builtinRubrics.ts";
import { parseArgs, UsageError } from "./args.ts";

/**
 * `gradcheck rubric --profile NAME`: a built-in rubric as JSON, for a course to save, edit and
 * pass back with `grade --rubric FILE`.
 */
export function rubricCommand(words: readonly string[], out: (line: string) => void): number {
  const args = parseArgs(words, ["profile"], []);
  const name = args.options.get("profile");
  const known = Object.keys(builtinRubrics).join(", ");
  if (typeof name !== "string") throw new UsageError(`rubric needs --profile NAME (${known})`);
  if (!Object.hasOwn(builtinRubrics, name)) throw new UsageError(`rubric: no built-in rubric '${name}'; known: ${known}`);
  out(JSON.stringify(builtinRubrics[name], null, 2));
  return 0;
}
