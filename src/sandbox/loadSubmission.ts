import { randomInt } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, openSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { adapterEntries, adapterEntryNames, courseEntryIn, type AdapterEntry, type CourseOption } from "./adapterEntries.ts";
import { startChild, type ChildSpec, type Launch } from "./childImplementation.ts";
import type { Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import { readProcessConfig } from "./processConfig.ts";
import {
  commandSearchPath,
  insideSubmission,
  moduleCommand,
  noForkFilter,
  noForkNoSocketFilter,
  probeSandboxAbilities,
  sandboxArgv,
  sandboxGaps,
  type SandboxAbilities,
} from "./sandbox.ts";
import { removeFilesOf, separateUserArgv, separateUserEnv, separateUserGaps } from "./separateUser.ts";
import { stageSubmission, stagingLimits, type Staged, type StagingLimits } from "./stageSubmission.ts";
import { createSubmissionCgroup } from "./submissionCgroup.ts";
import { transpiledName, transpileTypeScript } from "./transpileTypeScript.ts";

export interface LoadOptions {
  /** Per-call wall-clock limit (default 5000 ms). */
  readonly callTimeoutMs?: number;
  /** Per-call CPU-time limit, all threads together (default: the wall-clock limit). */
  readonly cpuTimeoutMs?: number;
  /** Memory of the whole child: heap, buffers, WebAssembly, /dev/shm (default 512 MB). */
  readonly memoryMB?: number;
  /** Allowed for start-up: loading a module, or a process's first call on top of its limit (default 20 s). */
  readonly startTimeoutMs?: number;
  /**
   * Wall time all calls that get no answer may spend together, with the restarts after them
   * (default hangBudgetMsFor(callTimeoutMs): 40 s, or twice the call limit if that is more).
   * A submission that hangs costs at most startTimeoutMs + hangBudgetMs.
   */
  readonly hangBudgetMs?: number;
  /** A course profile's own code (CS231n's classes): found and called through gradcheck's adapter for it. */
  readonly course?: CourseOption;
  /** Run without the OS sandbox where it cannot be set up (only for code you trust: your own). */
  readonly unsafeNoSandbox?: boolean;
  /**
   * Where bubblewrap cannot build the sandbox: "refuse" (the default, what `check` and `grade`
   * do) or "separate-user", the reduced containment of separateUser.ts, which needs root and
   * which only the Gradescope autograder selects. Its missing protections become warnings.
   */
  readonly fallback?: "refuse" | "separate-user";
  /** What this machine can enforce (default: probed once); tests pass their own. */
  readonly abilities?: SandboxAbilities;
  readonly stagingLimits?: StagingLimits;
  /** A private copy already made of the folder (grade makes it first, to hash it); released with the implementation. */
  readonly staged?: Staged & { readonly ok: true };
  /** how messages name the submission when `path` is its private copy (the student's own folder or zip) */
  readonly shownAs?: string;
}

export const defaultLoadLimits = { callTimeoutMs: 5000, memoryMB: 512, startTimeoutMs: 20_000, typeScriptTimeoutMs: 30_000 } as const;

export type Loaded = { readonly ok: true; readonly implementation: Implementation } | LoadFailure;

export const moduleEntries = ["nnCostFunction.js", "nnCostFunction.mjs", "nnCostFunction.cjs", "nnCostFunction.ts"];
const harness = fileURLToPath(new URL("./moduleHarness.mjs", import.meta.url));

interface Settings {
  readonly limits: { readonly memoryMB: number };
  readonly callTimeoutMs: number;
  readonly cpuTimeoutMs: number;
  readonly startTimeoutMs: number;
  readonly hangBudgetMs?: number;
  readonly can: SandboxAbilities;
  /** how the child is contained: the bubblewrap sandbox, the separate-user fallback, or not at all (--unsafe-no-sandbox) */
  readonly containment: "bwrap" | "separate-user" | "none";
}

/**
 * Finds a submission's entry (gradcheck.json for a process, else nnCostFunction.{js,mjs,cjs,ts};
 * a path to the entry file itself is accepted too), makes its private copy and starts it in
 * the sandbox. Where the sandbox cannot be set up, untrusted code is refused unless
 * unsafeNoSandbox. Failures are data: which problem, and a message saying what to do.
 */
export async function loadSubmission(path: string, options: LoadOptions = {}): Promise<Loaded> {
  const full = resolve(path);
  if (!existsSync(full)) return { ok: false, problem: "not-found", message: `${path}: no such file or folder` };
  const st = statSync(full);
  if (!st.isDirectory() && !st.isFile()) return { ok: false, problem: "no-entry-file", message: `${path}: not a folder or a regular file` };
  const dir = st.isDirectory() ? full : dirname(full);
  const named = st.isDirectory() ? undefined : basename(full);

  const can = options.abilities ?? (await probeSandboxAbilities());
  const separateUser = !can.bwrap && options.fallback === "separate-user" && can.dropUser;
  if (!can.bwrap && !separateUser && !options.unsafeNoSandbox) {
    options.staged?.release();
    return {
      ok: false,
      problem: "no-sandbox",
      message: `refusing to run untrusted code without a sandbox: ${sandboxGaps(can).join("; ")}${options.fallback === "separate-user" ? "; the separate-user fallback needs root and setpriv" : ""}. To check code you trust (your own) anyway, pass --unsafe-no-sandbox.`,
    };
  }
  const callTimeoutMs = options.callTimeoutMs ?? defaultLoadLimits.callTimeoutMs;
  const settings: Settings = {
    limits: { memoryMB: options.memoryMB ?? defaultLoadLimits.memoryMB },
    callTimeoutMs,
    cpuTimeoutMs: options.cpuTimeoutMs ?? callTimeoutMs,
    startTimeoutMs: options.startTimeoutMs ?? defaultLoadLimits.startTimeoutMs,
    hangBudgetMs: options.hangBudgetMs,
    can,
    containment: can.bwrap ? "bwrap" : separateUser ? "separate-user" : "none",
  };

  const staged = options.staged ?? stageSubmission(dir, options.stagingLimits ?? stagingLimits);
  if (!staged.ok)
    return { ok: false, problem: staged.limit ? "too-large" : staged.rule ? "refused-folder" : "sandbox-failed", message: staged.message };
  const skippedNote = staged.skipped.length
    ? [
        `not copied into the sandbox (only regular files and folders are): ${staged.skipped
          .slice(0, 5)
          .map((s) => `${s.path} (${s.kind})`)
          .join(", ")}${staged.skipped.length > 5 ? `, and ${staged.skipped.length - 5} more` : ""}`,
      ]
    : [];
  const warnings = [
    ...{
      bwrap: () => sandboxGaps(can),
      "separate-user": () => separateUserGaps(can),
      none: () => [`NOT SANDBOXED (--unsafe-no-sandbox): the submission runs with the checker's rights; ${sandboxGaps(can).join("; ")}`],
    }[settings.containment](),
    ...skippedNote,
  ];
  const notRegular = (name: string) => staged.skipped.find((s) => s.path === name);

  let loaded: Loaded;
  let adapted: { readonly kind: AdapterEntry; readonly entry: string } | undefined;
  try {
    const configSkipped = notRegular("gradcheck.json");
    if (configSkipped && (named === undefined || named === "gradcheck.json")) {
      loaded = {
        ok: false,
        problem: "bad-config",
        message: `gradcheck.json is a ${configSkipped.kind}; it must be a regular file inside the submission folder`,
      };
    } else if ((named === undefined && existsSync(join(staged.dir, "gradcheck.json"))) || named === "gradcheck.json") {
      loaded = await loadProcess(staged.dir, settings, warnings);
    } else if (options.course) {
      const found = courseEntryIn(staged.dir, options.course);
      loaded = "problem" in found ? { ok: false, ...found } : await loadAdapter(staged.dir, found, settings, warnings);
    } else if ((adapted = adapterFor(staged.dir, named, notRegular))) {
      loaded = await loadAdapter(staged.dir, adapted, settings, warnings);
    } else {
      const entry = named ?? moduleEntries.find((f) => existsSync(join(staged.dir, f)));
      const entrySkipped = entry ? notRegular(entry) : moduleEntries.map(notRegular).find(Boolean);
      if (entrySkipped)
        loaded = {
          ok: false,
          problem: "no-entry-file",
          message: `${entrySkipped.path} is a ${entrySkipped.kind}; the entry must be a regular file inside the submission folder`,
        };
      else if (!entry || !existsSync(join(staged.dir, entry)))
        loaded = {
          ok: false,
          problem: "no-entry-file",
          message: `${options.shownAs ?? path}: no submission entry found; expected gradcheck.json (a process submission), ${adapterEntryNames.join(", ")} or one of ${moduleEntries.join(", ")}`,
        };
      else loaded = await loadModule(staged.dir, entry, settings, warnings);
    }
  } catch (e) {
    loaded = { ok: false, problem: "sandbox-failed", message: `the checker failed while loading the submission: ${(e as Error).message}` };
  }
  if (!loaded.ok) {
    staged.release();
    return loaded;
  }
  const started = loaded.implementation;
  return {
    ok: true,
    implementation: {
      ...started,
      close: async () => {
        await started.close();
        staged.release();
      },
    },
  };
}

/** Where a bare command name is looked for: the system folders for a contained child. */
const searchPath = (settings: Settings): string[] => commandSearchPath(settings.containment !== "none");

function launcher(stagedDir: string, command: readonly string[], settings: Settings, withHarness: boolean): () => Launch {
  return (): Launch => {
    if (settings.containment === "none")
      return { argv: command, cwd: stagedDir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", OPENBLAS_NUM_THREADS: "1" } };
    const cgroup = createSubmissionCgroup(settings.limits.memoryMB * 1024 * 1024);
    if (settings.containment === "separate-user") {
      const uid = randomInt(200_000, 1_000_000);
      const env = separateUserEnv(stagedDir, uid);
      const filterFd = settings.can.seccompWithoutBwrap ? openSync(noForkNoSocketFilter, "r") : undefined;
      const argv = separateUserArgv(command, cgroup?.procsFiles ?? [], settings.can, uid);
      return { argv, cwd: stagedDir, env, filterFd, cgroup, sweep: () => removeFilesOf(uid) };
    }
    const filterFd = openSync(noForkFilter, "r");
    const argv = sandboxArgv(
      stagedDir,
      command,
      settings.limits,
      cgroup?.procsFiles ?? [],
      settings.can,
      withHarness ? stagedHarness(stagedDir) : undefined,
    );
    return { argv, cwd: stagedDir, env: { PATH: "/usr/local/bin:/usr/bin:/bin" }, filterFd, cgroup };
  };
}

/**
 * The harness, copied beside the private copy of the submission: the unused uid that
 * bubblewrap runs as must be able to read what it mounts, and gradcheck itself may be
 * installed under a folder only its owner can enter.
 */
function stagedHarness(stagedDir: string): string {
  const copy = join(dirname(stagedDir), "moduleHarness.mjs");
  if (!existsSync(copy)) {
    copyFileSync(harness, copy);
    chmodSync(copy, 0o644);
  }
  return copy;
}

function childSpec(
  description: string,
  channel: ChildSpec["channel"],
  launch: () => Launch,
  settings: Settings,
  warnings: readonly string[],
): ChildSpec {
  const { callTimeoutMs, cpuTimeoutMs, startTimeoutMs, hangBudgetMs } = settings;
  const memoryMB = settings.limits.memoryMB;
  return { description, channel, launch, warnings, callTimeoutMs, cpuTimeoutMs, startTimeoutMs, memoryMB, hangBudgetMs };
}

async function loadModule(stagedDir: string, entry: string, settings: Settings, warnings: readonly string[]): Promise<Loaded> {
  let runEntry = entry;
  if (entry.endsWith(".ts")) {
    const compiled = await transpileTypeScript(stagedDir, defaultLoadLimits.typeScriptTimeoutMs);
    if (!compiled.ok)
      return {
        ok: false,
        problem: compiled.problem,
        message: compiled.problem === "syntax-error" ? `syntax error while loading:\n${compiled.message}` : compiled.message,
      };
    runEntry = transpiledName(entry);
  }
  const command =
    settings.containment === "bwrap"
      ? moduleCommand(`${insideSubmission}/${runEntry}`, settings.limits)
      : moduleCommand(join(stagedDir, runEntry), settings.limits, {
          submission: stagedDir,
          harness: settings.containment === "separate-user" ? stagedHarness(stagedDir) : harness,
        });
  const started = await startChild(
    childSpec(`module ${entry}`, "harness", launcher(stagedDir, command, settings, true), settings, warnings),
  );
  if ("problem" in started) return { ok: false, problem: started.problem, message: describeLoad(started.problem, started.message) };
  return { ok: true, implementation: started };
}

/** The first adapter kind whose entry is in the folder (the named file, when a file was given). */
function adapterFor(
  stagedDir: string,
  named: string | undefined,
  notRegular: (name: string) => unknown,
): { readonly kind: AdapterEntry; readonly entry: string } | undefined {
  for (const kind of Object.values(adapterEntries)) {
    const entry = kind.entryIn(stagedDir);
    if (entry && (named === undefined || named === entry) && !notRegular(entry)) return { kind, entry };
  }
  return undefined;
}

/**
 * A course's own function (Octave's nnCostFunction.m, a Python file or notebook): gradcheck's
 * adapter is copied into the private copy of the submission, and one process runs it there for
 * all calls, in the same sandbox as every other submission (Octave's worker threads are allowed
 * by the seccomp filter, its processes are not). The adapter loads the student's code once,
 * converts the request to the course's conventions, and calls the student's function unchanged.
 */
async function loadAdapter(
  stagedDir: string,
  { kind, entry }: { readonly kind: AdapterEntry; readonly entry: string },
  settings: Settings,
  warnings: readonly string[],
): Promise<Loaded> {
  for (const file of kind.adapter.files) {
    const copy = join(stagedDir, file);
    copyFileSync(fileURLToPath(new URL(`./${kind.adapter.folder}/${file}`, import.meta.url)), copy);
    chmodSync(copy, 0o644);
  }
  const found = kind.program.startsWith("/")
    ? existsSync(kind.program)
    : searchPath(settings).some((p) => existsSync(join(p, kind.program)));
  if (!found) {
    return {
      ok: false,
      problem: "command-not-found",
      message: `${entry}: ${kind.program} not found${kind.program.startsWith("/") ? "" : ` on the sandbox's PATH (${searchPath(settings).join(":")})`}; ${kind.install}`,
    };
  }
  const launch = launcher(stagedDir, kind.command(entry), settings, false);
  const started = await startChild(childSpec(kind.describe(entry), "adapter", launch, settings, warnings));
  if ("problem" in started) return started;
  return { ok: true, implementation: started };
}

function describeLoad(problem: LoadFailure["problem"], message: string): string {
  switch (problem) {
    case "no-export":
      return `no function nnCostFunction is exported (named or default); ${message}`;
    case "syntax-error":
      return `syntax error while loading:\n${message}`;
    default:
      return message;
  }
}

async function loadProcess(stagedDir: string, settings: Settings, warnings: readonly string[]): Promise<Loaded> {
  const config = readProcessConfig(stagedDir);
  if (!config.ok) return config;
  const command = config.command;
  const program = command[0];
  const inFolder = program.startsWith("/") ? undefined : program.includes("/") ? join(stagedDir, program) : undefined;
  const found = program.startsWith("/")
    ? (settings.containment === "none" || /^\/(usr|bin|sbin)\//.test(program)) && existsSync(program) && statSync(program).isFile()
    : inFolder
      ? existsSync(inFolder)
      : searchPath(settings).some((p) => existsSync(join(p, program)));
  if (!found) {
    return {
      ok: false,
      problem: "command-not-found",
      message: `gradcheck.json: command[0] not found (looked ${program.includes("/") ? "in the submission folder or the system folders" : `on the sandbox's PATH: ${searchPath(settings).join(":")}`})`,
    };
  }
  const started = await startChild(
    childSpec(`process ${command.join(" ").slice(0, 200)}`, "stdio", launcher(stagedDir, command, settings, false), settings, warnings),
  );
  if ("problem" in started) return started;
  return { ok: true, implementation: started };
}
