import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { LoadFailure } from "./LoadFailure.ts";

/** Bounds on gradcheck.json: it names a command, nothing more. */
export const configLimits = { maxBytes: 64 * 1024, maxArgs: 256, maxArgLength: 4096 } as const;

/**
 * Reads and validates gradcheck.json from the private copy: a regular file of at most
 * 64 KiB, JSON of the form {"command": ["program", "arg", ...]} with a bounded number of
 * non-empty strings free of NUL. Messages say where and what is wrong, never quote the file
 * (which may be a link to a secret in the original folder's place).
 */
export function readProcessConfig(stagedDir: string): { readonly ok: true; readonly command: readonly string[] } | LoadFailure {
  const bad = (message: string): LoadFailure => ({ ok: false, problem: "bad-config", message: `gradcheck.json: ${message}` });
  let text: string;
  try {
    text = readBounded(join(stagedDir, "gradcheck.json"), configLimits.maxBytes);
  } catch (e) {
    return bad((e as Error).message);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    return bad(`not valid JSON${at ? ` (at character ${at})` : ""}; expected {"command": ["program", "arg", ...]}`);
  }
  if (typeof config !== "object" || config === null || Array.isArray(config))
    return bad(`expected an object {"command": [...]}, got ${Array.isArray(config) ? "an array" : typeof config}`);
  const command = (config as { command?: unknown }).command;
  if (!Array.isArray(command) || command.length === 0)
    return bad(
      `"command" must be a non-empty array of strings, got ${command === undefined ? "nothing" : Array.isArray(command) ? "an empty array" : `a ${typeof command}`}`,
    );
  if (command.length > configLimits.maxArgs)
    return bad(`"command" has ${command.length} entries, at most ${configLimits.maxArgs} are allowed`);
  for (let i = 0; i < command.length; i++) {
    const w: unknown = command[i];
    if (typeof w !== "string")
      return bad(`command[${i}] is ${Array.isArray(w) ? "an array" : w === null ? "null" : `a ${typeof w}`}, expected a string`);
    if (w.length > configLimits.maxArgLength)
      return bad(`command[${i}] is ${w.length} characters long, at most ${configLimits.maxArgLength} are allowed`);
    if (w.includes("\0")) return bad(`command[${i}] contains a NUL character`);
    if (i === 0 && w.length === 0) return bad("command[0] (the program) is empty");
  }
  return { ok: true, command: command as string[] };
}

/** The text of a regular file of at most maxBytes; throws a message naming what is wrong. */
function readBounded(file: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    throw new Error(`cannot be opened (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error("is not a regular file");
    if (st.size > maxBytes) throw new Error(`is ${st.size} bytes, at most ${maxBytes} are allowed`);
    const buffer = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, buffer, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buffer.toString("utf8", 0, at);
  } finally {
    closeSync(fd);
  }
}
