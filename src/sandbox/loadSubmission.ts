import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startChild } from "./childImplementation.ts";
import type { Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./loadProblem.ts";
import { commandSearchPath, moduleSandbox, processSandbox, sandboxAbilities } from "./sandbox.ts";
import { stageReadable } from "./stageReadable.ts";

export interface LoadOptions {
  /** Per-call time limit (default 5000 ms). */
  readonly callTimeoutMs?: number;
  /** Memory bound (default 512 MB). */
  readonly memoryMB?: number;
  readonly startTimeoutMs?: number;
}

export type Loaded = { readonly ok: true; readonly implementation: Implementation } | LoadFailure;

export const moduleEntries = ["nnCostFunction.js", "nnCostFunction.mjs", "nnCostFunction.cjs", "nnCostFunction.ts"];
const harness = fileURLToPath(new URL("./moduleHarness.mjs", import.meta.url));

/**
 * Finds a submission's entry (docs/check.md: gradcheck.json for a process, else
 * nnCostFunction.{js,mjs,cjs,ts}) and starts it in its sandbox. A path to the entry file
 * itself is accepted too. Failures are data: which problem, and a message saying what to do.
 */
export async function loadSubmission(path: string, options: LoadOptions = {}): Promise<Loaded> {
  const limits = { memoryMB: options.memoryMB ?? 512 };
  const timing = { callTimeoutMs: options.callTimeoutMs ?? 5000, startTimeoutMs: options.startTimeoutMs ?? 20_000 };
  const full = resolve(path);
  if (!existsSync(full)) return { ok: false, problem: "not-found", message: `${path}: no such file or folder` };
  const isDir = statSync(full).isDirectory();
  const dir = isDir ? full : dirname(full);
  const config = join(dir, "gradcheck.json");
  if ((isDir && existsSync(config)) || (!isDir && basename(full) === "gradcheck.json")) return loadProcess(dir, config, limits, timing);
  const entry = isDir ? moduleEntries.map((f) => join(dir, f)).find((f) => existsSync(f)) : full;
  if (!entry) {
    return { ok: false, problem: "no-entry", message: `${path}: no submission entry found; expected gradcheck.json (a process submission) or one of ${moduleEntries.join(", ")}` };
  }
  return loadModule(dir, entry, limits, timing);
}

async function loadModule(dir: string, entry: string, limits: { memoryMB: number }, timing: { callTimeoutMs: number; startTimeoutMs: number }): Promise<Loaded> {
  let runEntry = entry;
  let scratch: string | undefined;
  const readable = [dir + "/"];
  if (entry.endsWith(".ts")) {
    // TypeScript is compiled here, by the trusted parent: the sandboxed child may not start
    // the compiler's own process. Local imports are bundled with it.
    scratch = mkdtempSync(join(tmpdir(), "gradcheck-ts-"));
    runEntry = join(scratch, "nnCostFunction.mjs");
    try {
      const esbuild = await import("esbuild");
      await esbuild.build({ entryPoints: [entry], outfile: runEntry, bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "silent", absWorkingDir: dir });
    } catch (e) {
      rmSync(scratch, { recursive: true, force: true });
      const errors = (e as { errors?: Array<{ text: string; location?: { line: number; column: number; file: string } }> }).errors ?? [];
      const first = errors[0];
      const where = first?.location ? `${basename(first.location.file)}:${first.location.line}:${first.location.column}: ` : "";
      return { ok: false, problem: "syntax-error", message: `${basename(entry)} does not compile: ${where}${first?.text ?? (e as Error).message}` };
    }
    readable.push(scratch + "/");
  }
  const { argv, warnings } = moduleSandbox(harness, runEntry, readable, limits);
  const started = await startChild({
    description: `module ${basename(entry)}`,
    argv, cwd: dir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, channel: "harness", warnings, ...timing,
  });
  if ("problem" in started) {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    return { ...started, message: `${basename(entry)}: ${describeLoad(started.problem, started.message)}` };
  }
  if (!scratch) return { ok: true, implementation: started };
  const folder = scratch;
  return { ok: true, implementation: { ...started, call: started.call, close: async () => { await started.close(); rmSync(folder, { recursive: true, force: true }); } } };
}

function describeLoad(problem: LoadFailure["problem"], message: string): string {
  switch (problem) {
    case "no-export": return `no function nnCostFunction is exported (named or default); ${message}`;
    case "syntax-error": return `syntax error while loading:\n${message}`;
    default: return message;
  }
}

async function loadProcess(dir: string, config: string, limits: { memoryMB: number }, timing: { callTimeoutMs: number; startTimeoutMs: number }): Promise<Loaded> {
  let command: unknown;
  try {
    command = (JSON.parse(readFileSync(config, "utf8")) as { command?: unknown }).command;
  } catch (e) {
    return { ok: false, problem: "bad-config", message: `gradcheck.json: not valid JSON: ${(e as Error).message}` };
  }
  if (!Array.isArray(command) || command.length === 0 || !command.every((w) => typeof w === "string")) {
    return { ok: false, problem: "bad-config", message: `gradcheck.json: expected {"command": ["program", "arg", ...]}, got command = ${JSON.stringify(command)}` };
  }
  const program = command[0] as string;
  const found = program.includes("/")
    ? existsSync(isAbsolute(program) ? program : join(dir, program))
    : commandSearchPath().some((p) => existsSync(join(p, program)));
  if (!found) {
    return { ok: false, problem: "command-not-found", message: `gradcheck.json: command '${program}' not found (looked ${program.includes("/") ? `in ${dir}` : `on the sandbox's PATH: ${commandSearchPath().join(":")}`})` };
  }
  const can = sandboxAbilities();
  const staged = can.dropUser ? stageReadable(dir) : undefined;
  const cleanUp = () => staged && rmSync(staged, { recursive: true, force: true });
  const { argv, cwd, warnings } = processSandbox(staged ?? dir, command as string[], limits, can);
  const started = await startChild({
    description: `process ${(command as string[]).join(" ")}`,
    argv, cwd, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", OPENBLAS_NUM_THREADS: "1" }, channel: "stdio", warnings, ...timing,
  });
  if ("problem" in started) {
    cleanUp();
    return started;
  }
  return { ok: true, implementation: { ...started, call: started.call, close: async () => { await started.close(); cleanUp(); } } };
}
