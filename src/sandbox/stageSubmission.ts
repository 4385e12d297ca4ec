import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { releaseOnExit } from "./releaseOnExit.ts";
import { removeStaleCgroups } from "./submissionCgroup.ts";

/**
 * Limits on what is copied into a private staging folder. Bytes are the files' apparent
 * sizes (a sparse 4 GB file counts 4 GB), checked before anything is copied. A zip unpacker
 * can apply the same numbers to the entries of an archive.
 */
export interface StagingLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
  readonly maxDepth: number;
}
export const stagingLimits: StagingLimits = { maxBytes: 64 * 1024 * 1024, maxEntries: 5000, maxDepth: 32 };

export type Staged =
  | {
      readonly ok: true;
      /** the private copy; only regular files and folders, readable by any uid */
      readonly dir: string;
      /** entries not copied (symbolic links, FIFOs, sockets, devices), relative to the source */
      readonly skipped: readonly { readonly path: string; readonly kind: string }[];
      /** removes the copy (also done at exit) */
      readonly release: () => void;
    }
  | { readonly ok: false; readonly limit: boolean; readonly message: string };

const stagingPrefix = "gradcheck-staging-";

/**
 * A private copy of a submission folder, made before any of its code runs, so that nothing
 * the sandbox shows can change or point elsewhere afterwards. Only regular files and folders
 * are copied: a symbolic link (to /, to another student's folder), a FIFO or a device is
 * skipped and listed. Folders become 0755 and files 0644 (0755 if executable), since the
 * child runs as an unused uid. The copy sits in `<tmp>/gradcheck-staging-*` beside an owner
 * file naming this process, so a later start can remove it if this process is SIGKILLed.
 */
export function stageSubmission(source: string, limits: StagingLimits = stagingLimits): Staged {
  removeStaleStaging();
  const plan = survey(source, limits);
  if (!plan.ok) return plan;
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
    for (const d of plan.dirs) mkdirSync(join(dir, d), { mode: 0o755 });
    for (const f of plan.files) {
      copyRegular(join(source, f), join(dir, f));
    }
    return { ok: true, dir, skipped: plan.skipped, release };
  } catch (e) {
    if (parent) rmSync(parent, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOSPC" ? "no space left on the disk holding the temporary folder" : (err.code ?? "an error");
    return { ok: false, limit: false, message: `could not make the private copy of the submission: ${why}` };
  }
}

type Survey =
  { ok: true; dirs: string[]; files: string[]; skipped: { path: string; kind: string }[] } | { ok: false; limit: true; message: string };

function survey(source: string, limits: StagingLimits): Survey {
  const dirs: string[] = [],
    files: string[] = [],
    skipped: { path: string; kind: string }[] = [];
  let bytes = 0,
    entries = 0;
  const walk = (rel: string, depth: number): string | undefined => {
    if (depth > limits.maxDepth) return `folders nested deeper than ${limits.maxDepth} levels`;
    for (const name of readdirSync(join(source, rel)).sort()) {
      const path = rel ? join(rel, name) : name;
      const st = lstatSync(join(source, path));
      if (++entries > limits.maxEntries) return `more than ${limits.maxEntries} files and folders`;
      if (st.isDirectory()) {
        dirs.push(path);
        const over = walk(path, depth + 1);
        if (over) return over;
      } else if (st.isFile()) {
        bytes += st.size;
        if (bytes > limits.maxBytes)
          return `more than ${limits.maxBytes / (1024 * 1024)} MiB in total (apparent sizes; ${path} brings it to ${bytes} bytes)`;
        files.push(path);
      } else {
        skipped.push({ path, kind: st.isSymbolicLink() ? "symbolic link" : st.isFIFO() ? "FIFO" : st.isSocket() ? "socket" : "device" });
      }
    }
    return undefined;
  };
  const over = walk("", 0);
  return over
    ? { ok: false, limit: true, message: `the submission folder is too large to check: ${over}` }
    : { ok: true, dirs, files, skipped };
}

/** Copies a file that was regular when surveyed, refusing it if it was swapped for something else since. */
function copyRegular(from: string, to: string): void {
  const fd = openSync(from, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error("changed"), { code: "ECHANGED" });
    copyFileSync(from, to);
    chmodSync(to, st.mode & 0o100 ? 0o755 : 0o644);
  } finally {
    closeSync(fd);
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
