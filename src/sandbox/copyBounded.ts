import { createHash, type Hash } from "node:crypto";
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  opendirSync,
  readSync,
  writeSync,
  type Stats,
} from "node:fs";
import { join } from "node:path";

/**
 * Limits on what is copied into a private staging folder. Bytes are the files' apparent
 * sizes (a sparse 4 GB file counts 4 GB), checked before a byte of the file is read. A zip
 * unpacker can apply the same numbers to the entries of an archive.
 */
export interface StagingLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
  readonly maxDepth: number;
}
export const stagingLimits: StagingLimits = { maxBytes: 64 * 1024 * 1024, maxEntries: 5000, maxDepth: 32 };

/** An entry that is not copied: a symbolic link, FIFO, socket or device is never opened; a hard-linked file is not read. */
export interface SkippedEntry {
  readonly path: string;
  readonly kind: "symbolic link" | "FIFO" | "socket" | "device" | "hard link";
}

/** Why a folder is refused as a whole, named in its message so staff know which rule fired. */
export type FolderRule = "not-a-folder" | "too-many-bytes" | "too-many-entries" | "too-deep" | "changed-while-copying";

export type Copied =
  | {
      readonly ok: true;
      /** SHA-256 over every copied file's relative path and bytes and every skipped entry, in a fixed order */
      readonly hash: string;
      readonly skipped: readonly SkippedEntry[];
    }
  | { readonly ok: false; readonly rule: FolderRule; readonly message: string };

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK, O_DIRECTORY } = constants;
// NONBLOCK: opening a FIFO swapped in after its entry was looked at must not wait for a writer.
const fileFlags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
const dirFlags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | (O_DIRECTORY ?? 0);
const chunkBytes = 64 * 1024;

/**
 * Where a name inside an open folder is reached. Node has no openat(2); on Linux,
 * /proc/self/fd/N is a link to the folder that descriptor holds, not to its path, so
 * `/proc/self/fd/N/name` opened with O_NOFOLLOW is openat(N, name, O_NOFOLLOW): a folder
 * renamed or swapped for a symbolic link after it was opened changes nothing. Without /proc
 * the folder's path is used and every opened entry is compared (device, inode) with the entry
 * that was looked at, which catches a swapped entry but not a swapped ancestor.
 */
const byDescriptor = existsSync("/proc/self/fd");
const beneath = (dir: OpenDir, name: string) => (byDescriptor ? `/proc/self/fd/${dir.fd}/${name}` : join(dir.path, name));

interface OpenDir {
  readonly fd: number;
  readonly path: string;
}

class Refusal extends Error {
  constructor(
    readonly rule: FolderRule,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Copies the folder `source` into `dest` (an empty folder of ours) in one walk by file
 * descriptors: each entry opened relative to its already-opened parent without following a
 * link, its type taken from the descriptor, its bytes read from that descriptor, and the
 * limits applied before anything beyond them is read. Only regular files with one link and
 * folders are copied (folders 0755, files 0644 or 0755); the rest are listed and never opened.
 * A limit broken or an entry changed under the walk refuses the whole folder; the caller
 * removes the partial copy.
 */
export function copyBounded(source: string, dest: string, limits: StagingLimits = stagingLimits): Copied {
  const hash = createHash("sha256");
  const skipped: SkippedEntry[] = [];
  const budget = { bytes: 0, entries: 0 };
  let root: number;
  try {
    root = openSync(source, dirFlags);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // O_DIRECTORY with O_NOFOLLOW gives ENOTDIR for a link to a folder, as for a file
    const link = code === "ELOOP" || lstatSync(source, { throwIfNoEntry: false })?.isSymbolicLink();
    const what = link ? "a symbolic link" : code === "ENOTDIR" ? "not a folder" : `unreadable (${code})`;
    return { ok: false, rule: "not-a-folder", message: `${source} is ${what}; a submission must be a folder of its own` };
  }
  try {
    walkFolder({ fd: root, path: source }, "", dest, 0, { hash, skipped, budget, limits });
    return { ok: true, hash: hash.digest("hex"), skipped };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, rule: e.rule, message: e.message };
    throw e;
  } finally {
    closeSync(root);
  }
}

interface Walk {
  readonly hash: Hash;
  readonly skipped: SkippedEntry[];
  readonly budget: { bytes: number; entries: number };
  readonly limits: StagingLimits;
}

function walkFolder(dir: OpenDir, rel: string, dest: string, depth: number, walk: Walk): void {
  if (depth > walk.limits.maxDepth) throw new Refusal("too-deep", `folders nested deeper than ${walk.limits.maxDepth} levels`);
  for (const name of namesIn(dir, walk)) {
    const path = rel ? `${rel}/${name}` : name;
    const st = lookAt(dir, name, path);
    if (st.isDirectory()) {
      walk.hash.update(`dir ${path}\0`);
      const child = openEntry(dir, name, path, st, dirFlags);
      try {
        mkdirSync(join(dest, name), { mode: 0o755 });
        walkFolder({ fd: child, path: join(dir.path, name) }, path, join(dest, name), depth + 1, walk);
      } finally {
        closeSync(child);
      }
    } else if (st.isFile()) copyFile(dir, name, path, join(dest, name), st, walk);
    else skip(walk, { path, kind: st.isSymbolicLink() ? "symbolic link" : st.isFIFO() ? "FIFO" : st.isSocket() ? "socket" : "device" });
  }
}

/** The folder's names, sorted, reading no more of a huge folder than the entry limit allows. */
function namesIn(dir: OpenDir, walk: Walk): string[] {
  const names: string[] = [];
  const handle = opendirSync(byDescriptor ? `/proc/self/fd/${dir.fd}` : dir.path);
  try {
    for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
      if (++walk.budget.entries > walk.limits.maxEntries)
        throw new Refusal("too-many-entries", `more than ${walk.limits.maxEntries} files and folders`);
      names.push(entry.name);
    }
  } finally {
    handle.closeSync();
  }
  return names.sort();
}

/** An entry's own type and identity, without following it; one that vanished since it was listed refuses the folder. */
function lookAt(dir: OpenDir, name: string, path: string): Stats {
  try {
    return lstatSync(beneath(dir, name));
  } catch (e) {
    throw changed(path, (e as NodeJS.ErrnoException).code);
  }
}

/** Opens an entry that was looked at, refusing the folder if what opens is not what was looked at. */
function openEntry(dir: OpenDir, name: string, path: string, looked: Stats, flags: number): number {
  let fd: number;
  try {
    fd = openSync(beneath(dir, name), flags);
  } catch (e) {
    throw changed(path, (e as NodeJS.ErrnoException).code);
  }
  const st = fstatSync(fd);
  if (st.dev !== looked.dev || st.ino !== looked.ino || (st.mode & 0o170000) !== (looked.mode & 0o170000)) {
    closeSync(fd);
    throw changed(path, "a different entry");
  }
  return fd;
}

const changed = (path: string, what: string | undefined) =>
  new Refusal(
    "changed-while-copying",
    `${path} changed while it was being copied, or could not be opened (${what ?? "gone"}); nothing of the folder was kept`,
  );

function copyFile(dir: OpenDir, name: string, path: string, to: string, looked: Stats, walk: Walk): void {
  const fd = openEntry(dir, name, path, looked, fileFlags);
  try {
    const st = fstatSync(fd);
    // A second link may be a file the student could not read themselves, linked into their folder.
    if (st.nlink > 1) return skip(walk, { path, kind: "hard link" });
    walk.budget.bytes += st.size;
    if (walk.budget.bytes > walk.limits.maxBytes)
      throw new Refusal(
        "too-many-bytes",
        `more than ${walk.limits.maxBytes / (1024 * 1024)} MiB in total (apparent sizes; ${path} brings it to ${walk.budget.bytes} bytes)`,
      );
    walk.hash.update(`file ${path}\0`);
    const out = openSync(to, "wx", 0o600);
    try {
      copyBytes(fd, out, st.size, walk.hash);
      fchmodSync(out, st.mode & 0o100 ? 0o755 : 0o644);
    } finally {
      closeSync(out);
    }
  } finally {
    closeSync(fd);
  }
}

/** At most `size` bytes (what fstat said, already counted against the limit): a file that grows is cut there. */
function copyBytes(from: number, to: number, size: number, hash: Hash): void {
  const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, size)));
  let left = size;
  while (left > 0) {
    const n = readSync(from, buffer, 0, Math.min(buffer.length, left), null);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    writeSync(to, buffer, 0, n);
    left -= n;
  }
  hash.update(`\0${size - left}\0`);
}

function skip(walk: Walk, entry: SkippedEntry): void {
  walk.skipped.push(entry);
  walk.hash.update(`skipped ${entry.kind} ${entry.path}\0`);
}

/**
 * Copies one file (a student's zip) by the same rules: opened without following a link and
 * without blocking, a regular file with one link, at most `maxBytes` by fstat, read from the
 * descriptor that was checked. A refusal names the rule.
 */
export function copyOneFile(source: string, to: string, maxBytes: number): { ok: true } | { ok: false; rule: string; message: string } {
  let fd: number;
  try {
    fd = openSync(source, fileFlags);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, rule: "not-a-file", message: `${source} is ${code === "ELOOP" ? "a symbolic link" : `unreadable (${code})`}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, rule: "not-a-file", message: `${source} is not a regular file` };
    if (st.nlink > 1)
      return { ok: false, rule: "one-link-only", message: `${source} has ${st.nlink} links; only a file of its own is read` };
    if (st.size > maxBytes)
      return { ok: false, rule: "too-many-bytes", message: `${source} holds ${st.size} bytes, more than ${maxBytes / (1024 * 1024)} MiB` };
    const out = openSync(to, "wx", 0o600);
    try {
      copyBytes(fd, out, st.size, createHash("sha256"));
    } finally {
      closeSync(out);
    }
    return { ok: true };
  } finally {
    closeSync(fd);
  }
}
