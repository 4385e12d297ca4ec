import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { CourseOption } from "./adapterEntries.ts";
import { entryLaunchers, type EntryFolder } from "./entryLaunchers.ts";
import type { Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import { defaultLoadLimits, type Loaded, type LoadSettings } from "./LoadSettings.ts";
import { probeSandboxAbilities, sandboxGaps, type SandboxAbilities } from "./sandbox.ts";
import { separateUserGaps } from "./separateUser.ts";
import { stageSubmission, stagingLimits, type SkippedEntry, type Staged, type StagingLimits } from "./stageSubmission.ts";

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

/**
 * Finds a submission's entry (gradcheck.json for a process, else nnCostFunction.{js,mjs,cjs,ts};
 * a path to the entry file itself is accepted too), makes its private copy and starts it in
 * the sandbox. Where the sandbox cannot be set up, untrusted code is refused unless
 * unsafeNoSandbox. Failures are data: which problem, and a message saying what to do.
 */
export async function loadSubmission(path: string, options: LoadOptions = {}): Promise<Loaded> {
  const target = targetOf(path);
  if (!target.ok) return target;
  const can = options.abilities ?? (await probeSandboxAbilities());
  const containment = containmentOf(can, options);
  if (!containment) {
    options.staged?.release();
    return refusedWithoutSandbox(can, options);
  }
  const settings = settingsOf(options, can, containment);
  const staged = options.staged ?? stageSubmission(target.dir, options.stagingLimits ?? stagingLimits);
  if (!staged.ok)
    return { ok: false, problem: staged.limit ? "too-large" : staged.rule ? "refused-folder" : "sandbox-failed", message: staged.message };
  const warnings = [...containmentWarnings(settings), ...skippedNote(staged.skipped)];
  const notRegular = (name: string) => staged.skipped.find((s) => s.path === name);
  const folder: EntryFolder = {
    stagedDir: staged.dir,
    named: target.named,
    notRegular,
    course: options.course,
    shownAs: options.shownAs ?? path,
  };
  const loaded = await launch(folder, settings, warnings);
  if (!loaded.ok) {
    staged.release();
    return loaded;
  }
  return { ok: true, implementation: releasingCopy(loaded.implementation, staged) };
}

/** The folder to copy, and the entry file when the path names one. */
function targetOf(path: string): { readonly ok: true; readonly dir: string; readonly named?: string } | LoadFailure {
  const full = resolve(path);
  if (!existsSync(full)) return { ok: false, problem: "not-found", message: `${path}: no such file or folder` };
  const st = statSync(full);
  if (!st.isDirectory() && !st.isFile()) return { ok: false, problem: "no-entry-file", message: `${path}: not a folder or a regular file` };
  return st.isDirectory() ? { ok: true, dir: full } : { ok: true, dir: dirname(full), named: basename(full) };
}

/** How the child can be contained here, or undefined when untrusted code must be refused. */
function containmentOf(can: SandboxAbilities, options: LoadOptions): LoadSettings["containment"] | undefined {
  if (can.bwrap) return "bwrap";
  if (options.fallback === "separate-user" && can.dropUser) return "separate-user";
  return options.unsafeNoSandbox ? "none" : undefined;
}

function refusedWithoutSandbox(can: SandboxAbilities, options: LoadOptions): LoadFailure {
  return {
    ok: false,
    problem: "no-sandbox",
    message: `refusing to run untrusted code without a sandbox: ${sandboxGaps(can).join("; ")}${options.fallback === "separate-user" ? "; the separate-user fallback needs root and setpriv" : ""}. To check code you trust (your own) anyway, pass --unsafe-no-sandbox.`,
  };
}

function settingsOf(options: LoadOptions, can: SandboxAbilities, containment: LoadSettings["containment"]): LoadSettings {
  const callTimeoutMs = options.callTimeoutMs ?? defaultLoadLimits.callTimeoutMs;
  return {
    limits: { memoryMB: options.memoryMB ?? defaultLoadLimits.memoryMB },
    callTimeoutMs,
    cpuTimeoutMs: options.cpuTimeoutMs ?? callTimeoutMs,
    startTimeoutMs: options.startTimeoutMs ?? defaultLoadLimits.startTimeoutMs,
    hangBudgetMs: options.hangBudgetMs,
    can,
    containment,
  };
}

/** What the containment leaves unprotected, said on every report. */
function containmentWarnings({ containment, can }: LoadSettings): string[] {
  if (containment === "bwrap") return sandboxGaps(can);
  if (containment === "separate-user") return separateUserGaps(can);
  return [`NOT SANDBOXED (--unsafe-no-sandbox): the submission runs with the checker's rights; ${sandboxGaps(can).join("; ")}`];
}

function skippedNote(skipped: readonly SkippedEntry[]): string[] {
  if (!skipped.length) return [];
  const named = skipped
    .slice(0, 5)
    .map((s) => `${s.path} (${s.kind})`)
    .join(", ");
  return [
    `not copied into the sandbox (only regular files and folders are): ${named}${skipped.length > 5 ? `, and ${skipped.length - 5} more` : ""}`,
  ];
}

/** The first entry kind the folder holds, started; the checker's own failure is data too. */
async function launch(folder: EntryFolder, settings: LoadSettings, warnings: readonly string[]): Promise<Loaded> {
  try {
    for (const launcher of entryLaunchers) {
      const found = launcher.detect(folder);
      if (found !== undefined) return await launcher.load(found, folder, { settings, warnings });
    }
    throw new Error("no launcher answered");
  } catch (e) {
    return { ok: false, problem: "sandbox-failed", message: `the checker failed while loading the submission: ${(e as Error).message}` };
  }
}

/** The implementation, releasing the private copy when it is closed. */
function releasingCopy(started: Implementation, staged: Staged & { readonly ok: true }): Implementation {
  return {
    ...started,
    close: async () => {
      await started.close();
      staged.release();
    },
  };
}
