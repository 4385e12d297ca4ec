import { chmodSync, copyFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { adapterEntries, adapterEntryNames, courseEntryIn, type AdapterEntry, type CourseOption } from "./adapterEntries.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import { defaultLoadLimits, type Loaded, type LoadSettings } from "./LoadSettings.ts";
import { readProcessConfig } from "./processConfig.ts";
import { insideSubmission, moduleCommand } from "./sandbox.ts";
import type { SkippedEntry } from "./stageSubmission.ts";
import { harness, searchPath, stagedHarness, startContained } from "./startContained.ts";
import { transpiledName, transpileTypeScript } from "./transpileTypeScript.ts";

export const moduleEntries = ["nnCostFunction.js", "nnCostFunction.mjs", "nnCostFunction.cjs", "nnCostFunction.ts"];

/** The private copy of a submission, as the launchers look at it. */
export interface EntryFolder {
  readonly stagedDir: string;
  /** the entry file the user named, when a file rather than a folder was given */
  readonly named?: string;
  /** an entry that was not copied because it is not a regular file (a link, a device) */
  notRegular(name: string): SkippedEntry | undefined;
  readonly course?: CourseOption;
  /** how messages name the submission */
  readonly shownAs: string;
}

/** What a launcher needs to start a child: the resolved limits and the warnings it carries. */
export interface LaunchContext {
  readonly settings: LoadSettings;
  readonly warnings: readonly string[];
}

/**
 * One kind of entry: `detect` says whether the folder holds it (and what was found), `load`
 * starts it, or says why it cannot. A new kind of submission is a new row.
 */
export interface EntryLauncher<Found> {
  readonly kind: string;
  detect(folder: EntryFolder): Found | undefined;
  load(found: Found, folder: EntryFolder, context: LaunchContext): Promise<Loaded>;
}

/** A row of the table, its found value private to it. */
const row = <Found>(launcher: EntryLauncher<Found>) => launcher as EntryLauncher<unknown>;

/** Whether the folder may be read for gradcheck.json: it was given, or nothing else was named. */
const configWanted = (folder: EntryFolder) => folder.named === undefined || folder.named === "gradcheck.json";

/** The entry kinds, most specific first: the first whose `detect` finds something is loaded. */
export const entryLaunchers: readonly EntryLauncher<unknown>[] = [
  row({
    kind: "gradcheck.json that is not a regular file",
    detect: (folder) => (configWanted(folder) ? folder.notRegular("gradcheck.json") : undefined),
    load: async (skipped) => ({
      ok: false,
      problem: "bad-config",
      message: `gradcheck.json is a ${skipped.kind}; it must be a regular file inside the submission folder`,
    }),
  }),
  row({
    kind: "process",
    detect: (folder) =>
      (folder.named === undefined && existsSync(join(folder.stagedDir, "gradcheck.json"))) || folder.named === "gradcheck.json"
        ? true
        : undefined,
    load: (_, folder, context) => loadProcess(folder.stagedDir, context),
  }),
  row({
    kind: "course profile",
    detect: (folder) => (folder.course ? courseEntryIn(folder.stagedDir, folder.course) : undefined),
    load: async (found, folder, context) => ("problem" in found ? { ok: false, ...found } : loadAdapter(folder.stagedDir, found, context)),
  }),
  ...Object.entries(adapterEntries).map(([name, kind]) =>
    row({
      kind: name,
      detect: (folder) => {
        const entry = kind.entryIn(folder.stagedDir);
        return entry && (folder.named === undefined || folder.named === entry) && !folder.notRegular(entry) ? entry : undefined;
      },
      load: (entry, folder, context) => loadAdapter(folder.stagedDir, { kind, entry }, context),
    }),
  ),
  // Last: it always answers, with the module, or with what was missing.
  row({
    kind: "module",
    detect: (folder) => folder.named ?? moduleEntries.find((f) => existsSync(join(folder.stagedDir, f))) ?? "",
    load: async (entry, folder, context) => missingModule(entry, folder) ?? loadModule(folder.stagedDir, entry, context),
  }),
];

/** Why a module entry cannot be loaded: not a regular file, or not there at all. */
function missingModule(entry: string, folder: EntryFolder): LoadFailure | undefined {
  const skipped = entry ? folder.notRegular(entry) : moduleEntries.map(folder.notRegular).find(Boolean);
  if (skipped)
    return {
      ok: false,
      problem: "no-entry-file",
      message: `${skipped.path} is a ${skipped.kind}; the entry must be a regular file inside the submission folder`,
    };
  if (!entry || !existsSync(join(folder.stagedDir, entry)))
    return {
      ok: false,
      problem: "no-entry-file",
      message: `${folder.shownAs}: no submission entry found; expected gradcheck.json (a process submission), ${adapterEntryNames.join(", ")} or one of ${moduleEntries.join(", ")}`,
    };
  return undefined;
}

async function loadModule(stagedDir: string, entry: string, { settings, warnings }: LaunchContext): Promise<Loaded> {
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
  const child = { stagedDir, description: `module ${entry}`, channel: "harness", command, withHarness: true } as const;
  const started = await startContained(child, settings, warnings);
  if ("problem" in started) return { ok: false, problem: started.problem, message: describeLoad(started.problem, started.message) };
  return { ok: true, implementation: started };
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
  { settings, warnings }: LaunchContext,
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
  const child = {
    stagedDir,
    description: kind.describe(entry),
    channel: "adapter",
    command: kind.command(entry),
    withHarness: false,
  } as const;
  const started = await startContained(child, settings, warnings);
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

async function loadProcess(stagedDir: string, { settings, warnings }: LaunchContext): Promise<Loaded> {
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
  const child = {
    stagedDir,
    description: `process ${command.join(" ").slice(0, 200)}`,
    channel: "stdio",
    command,
    withHarness: false,
  } as const;
  const started = await startContained(child, settings, warnings);
  if ("problem" in started) return started;
  return { ok: true, implementation: started };
}
