import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyBounded, stagingLimits, type FolderRule, type SkippedEntry, type StagingLimits } from "./copyBounded.ts";
import { releaseOnExit } from "./releaseOnExit.ts";
import { removeStaleCgroups } from "./submissionCgroup.ts";

export { stagingLimits, type FolderRule, type SkippedEntry, type StagingLimits };

export type Staged =
  | {
      readonly ok: true;
      /** the private copy; only regular files and folders, readable by any uid */
      readonly dir: string;
      /** entries not copied (symbolic links, FIFOs, sockets, devices, hard links), relative to the source */
      readonly skipped: readonly SkippedEntry[];
      /** SHA-256 of what was copied and skipped: the same folder content gives the same hash */
      readonly hash: string;
      /** removes the copy (also done at exit) */
      readonly release: () => void;
    }
  | {
      readonly ok: false;
      /** a size, count or depth limit (as opposed to a folder that changed, or is not one) */
      readonly limit: boolean;
      readonly rule?: FolderRule;
      readonly message: string;
    };

const stagingPrefix = "gradcheck-staging-";
const limitRules: ReadonlySet<FolderRule> = new Set(["too-many-bytes", "too-many-entries", "too-deep"]);

/**
 * A private copy of a submission folder, made before any of its code runs, so that nothing
 * the sandbox shows can change or point elsewhere afterwards. The copy is one bounded walk by
 * file descriptors (copyBounded): only regular files and folders are copied; a symbolic link
 * (to /, to another student's folder), a FIFO, a device or a hard-linked file is skipped and
 * listed, never read. Folders become 0755 and files 0644 (0755 if executable), since the
 * child runs as an unused uid. The copy sits in `<tmp>/gradcheck-staging-*` beside an owner
 * file naming this process, so a later start can remove it if this process is SIGKILLed.
 */
export function stageSubmission(source: string, limits: StagingLimits = stagingLimits): Staged {
  removeStaleStaging();
  let parent: string | undefined;
  try {
    parent = mkdtempSync(join(tmpdir(), stagingPrefix));
    const held = parent;
    const release = releaseOnExit(() => rmSync(held, { recursive: true, force: true }));
    // Written whole, then renamed into place: a sweeper in another process that read a half-written
    // (empty) stamp would take the owner for dead and remove a live folder.
    writeFileSync(join(parent, "owner.part"), ownerStamp(process.pid) ?? String(process.pid));
    renameSync(join(parent, "owner.part"), join(parent, "owner"));
    const dir = join(parent, "submission");
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(parent, 0o755);
    const copied = copyBounded(source, dir, limits);
    if (!copied.ok) {
      release();
      const limit = limitRules.has(copied.rule);
      const what = limit ? "is too large to check" : "is refused";
      return { ok: false, limit, rule: copied.rule, message: `the submission folder ${what} (${copied.rule}): ${copied.message}` };
    }
    return { ok: true, dir, skipped: copied.skipped, hash: copied.hash, release };
  } catch (e) {
    if (parent) rmSync(parent, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOSPC" ? "no space left on the disk holding the temporary folder" : (err.code ?? "an error");
    return { ok: false, limit: false, message: `could not make the private copy of the submission: ${why}` };
  }
}

/** "pid start-time": a pid alone may be reused by an unrelated process after a reboot or wrap. */
function ownerStamp(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return `${pid} ${fields[19]}`;
  } catch {
    return undefined;
  }
}

function ownerAlive(stamp: string): boolean {
  const pid = Number(stamp.split(" ")[0]);
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const now = ownerStamp(pid);
  return now === undefined || !stamp.includes(" ") || now === stamp;
}

let swept = false;

/** Removes staging folders (and cgroups) whose owner process is dead; never a live one. Once per process. */
export function removeStaleStaging(): void {
  if (swept) return;
  swept = true;
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(stagingPrefix));
  } catch {
    return;
  }
  for (const n of names) {
    const dir = join(tmpdir(), n);
    let stamp: string;
    try {
      stamp = readFileSync(join(dir, "owner"), "utf8");
    } catch {
      // Being created right now — or left by a run killed before it stamped it, which only an
      // age far beyond the moment between creating and stamping tells apart.
      if (ageMs(dir) > unstampedGraceMs) rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (!ownerAlive(stamp)) rmSync(dir, { recursive: true, force: true });
  }
  removeStaleCgroups((pid) => ownerAlive(ownerStamp(pid) ?? String(pid)) && pidAlive(pid));
}

/** How old a staging folder without an owner stamp must be before a sweep removes it. */
const unstampedGraceMs = 10 * 60_000;

function ageMs(dir: string): number {
  try {
    return Date.now() - statSync(dir).mtimeMs;
  } catch {
    return 0;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
