import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { moduleEntries } from "../sandbox/entryLaunchers.ts";

/** The entry files, in the order the loader prefers them when a folder holds several. */
export const entryOrder: readonly string[] = ["gradcheck.json", "nnCostFunction.m", "nnCostFunction.py", ...moduleEntries];

/** How deep a nested entry is looked for: the course's own download nests it two levels (machine-learning-ex4/ex4/). */
const maxDepth = 4;
/** Folders read at most while looking: a folder full of data is no place for an entry. */
const maxFolders = 200;

export interface FoundEntry {
  /** the folder to grade: the student's, or the one folder below it that holds an entry */
  readonly dir: string;
  /** the entry file it holds, relative to the student's folder; undefined when none was found */
  readonly entry?: string;
  /** what the student and the staff should know: a nested entry, or several candidates and which was graded */
  readonly notes: readonly string[];
}

/**
 * Where a student's entry is. A folder with an entry at its top is graded as it is; otherwise the
 * folders below it are searched (breadth first, names sorted, dot-folders and __MACOSX skipped,
 * symbolic links never followed), and the shallowest folder holding an entry is graded, with a
 * note naming it. Several candidates — two entry files side by side, or two folders holding one —
 * are named in a note saying which was graded and why.
 */
export function findEntry(studentDir: string): FoundEntry {
  const queue: string[] = [""];
  const found: { folder: string; files: string[] }[] = [];
  let read = 0;
  while (queue.length > 0 && read < maxFolders) {
    const folder = queue.shift()!;
    const items = listFolder(join(studentDir, folder));
    read++;
    const files = entryOrder.filter((name) => items.some((d) => d.isFile() && d.name === name));
    if (files.length > 0) {
      found.push({ folder, files });
      continue;
    }
    if (folder.split("/").length > maxDepth || found.length > 0) continue;
    for (const d of items)
      if (d.isDirectory() && !d.name.startsWith(".") && d.name !== "__MACOSX") queue.push(folder ? `${folder}/${d.name}` : d.name);
  }
  if (found.length === 0) return { dir: studentDir, notes: [] };
  const depth = (f: string) => (f === "" ? 0 : f.split("/").length);
  const shallowest = found.filter((f) => depth(f.folder) === depth(found[0].folder));
  const chosen = shallowest[0];
  const path = (folder: string, file: string) => (folder ? `${folder}/${file}` : file);
  const entry = path(chosen.folder, chosen.files[0]);
  const notes: string[] = [];
  if (chosen.folder) notes.push(`the entry was found in a folder inside the submission and graded there: ${entry}`);
  const others = [
    ...chosen.files.slice(1).map((f) => path(chosen.folder, f)),
    ...shallowest.slice(1).map((f) => path(f.folder, f.files[0])),
  ];
  if (others.length > 0)
    notes.push(
      `several candidate entry files: graded ${entry}, not ${others.join(", ")} (${chosen.files.length > 1 ? `side by side, the order is ${entryOrder.join(", then ")}` : "of folders equally deep, the first in alphabetical order"}); remove the files that are not your answer`,
    );
  return { dir: join(studentDir, chosen.folder), entry, notes };
}

function listFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}
