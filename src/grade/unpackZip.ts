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
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (e, z) =>
        e ? reject(e) : resolve(z!),
      ),
    );
  } catch (e) {
    return { ok: false, rule: "not-a-zip", message: `${file}: not a readable zip archive (${(e as Error).message})` };
  }
  let files = 0,
    bytes = 0;
  const refuse = (rule: ArchiveRule, message: string): Unpacked => ({ ok: false, rule, message: `${file}: refused (${rule}): ${message}` });
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once("entry", resolve);
        zip.once("end", () => resolve(undefined));
        zip.once("error", reject);
        zip.readEntry();
      });
      if (!entry) return { ok: true };
      zip.removeAllListeners();
      const name = entry.fileName;
      const clean = normalize(name.replace(/\\/g, "/"));
      if (
        isAbsolute(name) ||
        /^[A-Za-z]:/.test(name) ||
        clean === ".." ||
        clean.startsWith(".." + sep) ||
        clean.split(sep).includes("..")
      ) {
        return refuse("path-escape", `entry '${printable(name)}' would be written outside the submission's folder`);
      }
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        return refuse("symlink", `entry '${printable(name)}' is a symbolic link`);
      if (++files > limits.maxFiles) return refuse("too-many-files", `more than ${limits.maxFiles} entries`);
      const target = join(dest, clean);
      if (name.endsWith("/")) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s!))),
      );
      let over = false;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          if (bytes > limits.maxBytes) {
            over = true;
            done(new Error("too many bytes"));
          } else done(null, chunk);
        },
      });
      try {
        await pipeline(stream, counter, createWriteStream(target, { flags: "wx", mode: 0o644 }));
      } catch (e) {
        if (over) return refuse("too-many-bytes", `more than ${limits.maxBytes} bytes once decompressed`);
        return refuse("not-a-zip", `entry '${printable(name)}' cannot be decompressed: ${(e as Error).message}`);
      }
    }
  } catch (e) {
    // yauzl checks names itself and stops with these words before we see the entry.
    const message = (e as Error).message;
    if (/absolute path|invalid relative path/.test(message)) return refuse("path-escape", printable(message));
    return refuse("not-a-zip", printable(message));
  } finally {
    zip.close();
  }
}

/** An entry name is the archive's text: shown without control characters, and cut short. */
function printable(name: string): string {
  const plain = name.replace(/[\u0000-\u001f\u007f]/g, "?");
  return plain.length > 120 ? plain.slice(0, 117) + "..." : plain;
}
