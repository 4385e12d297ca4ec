import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import yauzl from "yauzl";
import { defaultArchiveLimits, type ArchiveLimits, type ArchiveRule } from "./archiveLimits.ts";

export type Unpacked = { readonly ok: true } | { readonly ok: false; readonly rule: ArchiveRule; readonly message: string };

const S_IFMT = 0o170000,
  S_IFLNK = 0o120000;

/**
 * Unpacks a zip into `dest` (an empty private folder) with yauzl, entry by entry, refusing the
 * whole archive at the first entry that breaks a rule: a path that leaves the folder (`..`,
 * absolute, a drive letter), a symbolic link, more than maxFiles entries, or more than
 * maxBytes actually decompressed, counted on the bytes as they stream, not from the headers.
 */
export async function unpackZip(file: string, dest: string, limits: ArchiveLimits = defaultArchiveLimits): Promise<Unpacked> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    return { ok: false, rule: "not-a-zip", message: `${file}: not a readable zip archive (${(e as Error).message})` };
  }
  const refuse = (rule: ArchiveRule, message: string): Unpacked => ({ ok: false, rule, message: `${file}: refused (${rule}): ${message}` });
  const count = { files: 0, bytes: 0 };
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      zip.removeAllListeners();
      const refused = await unpackEntry(zip, entry, dest, limits, count);
      if (refused) return refuse(refused.rule, refused.message);
    }
    return { ok: true };
  } catch (e) {
    // yauzl checks names itself and stops with these words before we see the entry.
    const message = (e as Error).message;
    if (/absolute path|invalid relative path/.test(message)) return refuse("path-escape", printable(message));
    return refuse("not-a-zip", printable(message));
  } finally {
    zip.close();
  }
}

type Refusal = { readonly rule: ArchiveRule; readonly message: string };

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (e, z) =>
      e ? reject(e) : resolve(z!),
    ),
  );
}

/** The next entry, or undefined at the end of the archive. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise<yauzl.Entry | undefined>((resolve, reject) => {
    zip.once("entry", resolve);
    zip.once("end", () => resolve(undefined));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** One entry checked against the rules and written under `dest`; the counts run over the whole archive. */
async function unpackEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  dest: string,
  limits: ArchiveLimits,
  count: { files: number; bytes: number },
): Promise<Refusal | undefined> {
  const name = entry.fileName;
  const clean = normalize(name.replace(/\\/g, "/"));
  if (isAbsolute(name) || /^[A-Za-z]:/.test(name) || clean === ".." || clean.startsWith(".." + sep) || clean.split(sep).includes(".."))
    return { rule: "path-escape", message: `entry '${printable(name)}' would be written outside the submission's folder` };
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
    return { rule: "symlink", message: `entry '${printable(name)}' is a symbolic link` };
  if (++count.files > limits.maxFiles) return { rule: "too-many-files", message: `more than ${limits.maxFiles} entries` };
  const target = join(dest, clean);
  if (name.endsWith("/")) {
    mkdirSync(target, { recursive: true });
    return undefined;
  }
  mkdirSync(dirname(target), { recursive: true });
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s!))),
  );
  const counter = byteCounter(count, limits.maxBytes);
  try {
    await pipeline(stream, counter.transform, createWriteStream(target, { flags: "wx", mode: 0o644 }));
  } catch (e) {
    if (counter.over()) return { rule: "too-many-bytes", message: `more than ${limits.maxBytes} bytes once decompressed` };
    return { rule: "not-a-zip", message: `entry '${printable(name)}' cannot be decompressed: ${(e as Error).message}` };
  }
  return undefined;
}

/** Counts the bytes actually decompressed, as they stream, and stops past the limit. */
function byteCounter(count: { bytes: number }, maxBytes: number): { readonly transform: Transform; over(): boolean } {
  let over = false;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      count.bytes += chunk.length;
      if (count.bytes > maxBytes) {
        over = true;
        done(new Error("too many bytes"));
      } else done(null, chunk);
    },
  });
  return { transform, over: () => over };
}

/** An entry name is the archive's text: shown without control characters, and cut short. */
function printable(name: string): string {
  const plain = name.replace(/[\u0000-\u001f\u007f]/g, "?");
  return plain.length > 120 ? plain.slice(0, 117) + "..." : plain;
}
