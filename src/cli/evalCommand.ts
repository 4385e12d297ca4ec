import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { parseCaseText } from "../caseio/parseCase.ts";
import { toRows } from "../linalg/Matrix.ts";
import { parallelBackprop } from "../backprop/parallelBackprop.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { gradientMethods, methodNames, type MethodName } from "../methods.ts";
import { integerOption, parseArgs, UsageError } from "./args.ts";
import { median } from "./median.ts";

/**
 * `gradcheck eval [--method M] [--repeat N] [--threads T] CASE.json...` (README: gradcheck eval): one JSON
 * line per case, in argument order; a case that fails prints an error line and the rest still
 * run. `--threads` (backprop only; default every core) shares a large batch among worker
 * threads, with results bit for bit those of one thread.
 */
export async function evalCommand(words: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(words, ["method", "repeat", "threads"], []);
  const method = (args.options.get("method") ?? "backprop") as MethodName;
  if (!methodNames.includes(method)) throw new UsageError(`--method expects one of ${methodNames.join(", ")}, got ${method}`);
  const repeat = integerOption(args, "repeat", 1, 1);
  const threads = integerOption(args, "threads", availableParallelism(), 1);
  if (args.options.has("threads") && method !== "backprop")
    throw new UsageError(`--threads applies to --method backprop only, not ${method}`);
  const compute: Compute =
    method === "backprop" ? (c, theta) => parallelBackprop(c, theta, { threads }) : async (c, theta) => gradientMethods[method](c, theta);
  if (args.positional.length === 0) throw new UsageError("eval needs at least one CASE.json");

  let failed = false;
  for (const file of args.positional) {
    const line = await evaluateFile(file, method, compute, repeat);
    if ("error" in line) failed = true;
    out(JSON.stringify(line));
  }
  return failed ? 1 : 0;
}

type EvalLine =
  { name: string; method: MethodName; J: number; grad: number[][][]; ms: number } | { name?: string; file?: string; error: string };

type Compute = (problem: Problem, theta: Theta) => Promise<CostAndGradient>;

async function evaluateFile(file: string, method: MethodName, compute: Compute, repeat: number): Promise<EvalLine> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { file, error: code === "ENOENT" ? `${file}: no such file` : `${file}: cannot read (${code ?? (e as Error).message})` };
  }
  const parsed = parseCaseText(text);
  if (!parsed.ok) return { file, error: `${basename(file)}: ${parsed.error}` };
  const c = parsed.value;
  try {
    const times: number[] = [];
    let result!: CostAndGradient;
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      result = await compute(c, c.theta);
      times.push(performance.now() - t0);
    }
    if (!Number.isFinite(result.J)) return { name: c.name, error: `${basename(file)}: J evaluated to ${result.J}` };
    return { name: c.name, method, J: result.J, grad: result.grad.map(toRows), ms: median(times) };
  } catch (e) {
    return { name: c.name, error: `${basename(file)}: ${(e as Error).message}` };
  }
}
