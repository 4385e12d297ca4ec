import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

let written = 0;

/**
 * Writes a whole file or nothing: the text goes to a temporary file in the same folder, then
 * a rename (atomic within one filesystem) puts it in place. A run killed at any moment leaves
 * either the old file or the new one, never half of one.
 */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.partial-${process.pid}-${written++}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
