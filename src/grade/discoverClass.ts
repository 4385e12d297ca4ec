import { lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * One student of a class folder: a subfolder, a NAME.zip, both (a duplicate id), or a
 * symbolic link standing where a folder or zip should be (graded as refused: it may point at
 * another student's folder).
 */
export interface StudentEntry {
  readonly id: string;
  readonly kind: "folder" | "zip" | "duplicate" | "link";
  /** the folder or zip; both for a duplicate */
  readonly paths: readonly string[];
}

export interface ClassListing {
  readonly students: readonly StudentEntry[];
  /** top-level files that are not zips: reported and skipped */
  readonly loose: readonly string[];
}

/**
 * The students of CLASS_DIR: each immediate subfolder (id = its name) and each NAME.zip
 * (id = NAME), sorted by id so every output lists them in the same order. Hidden entries
 * (.git, .DS_Store) are not students.
 */
export function discoverClass(classDir: string): ClassListing {
  const byId = new Map<string, string[]>();
  const kinds = new Map<string, Set<"folder" | "zip" | "link">>();
  const loose: string[] = [];
  for (const name of readdirSync(classDir).sort(byCodeUnit)) {
    if (name.startsWith(".")) continue;
    const path = join(classDir, name);
    // lstat: nothing is followed or opened here; a link is looked through only to name it a student.
    const own = lstatSync(path, { throwIfNoEntry: false });
    const st = own?.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : own;
    const zipName = name.toLowerCase().endsWith(".zip");
    const shape = st?.isDirectory() ? "folder" : st?.isFile() && zipName ? "zip" : undefined;
    const kind = shape && own?.isSymbolicLink() ? "link" : shape;
    if (!kind) {
      loose.push(path);
      continue;
    }
    const id = shape === "zip" ? name.slice(0, -4) : name;
    byId.set(id, [...(byId.get(id) ?? []), path]);
    kinds.set(id, (kinds.get(id) ?? new Set()).add(kind));
  }
  const students = [...byId.keys()].sort(byCodeUnit).map((id): StudentEntry => {
    const k = kinds.get(id)!;
    return { id, kind: k.size > 1 ? "duplicate" : [...k][0], paths: byId.get(id)! };
  });
  return { students, loose };
}

/** Plain code-unit order: the same on every machine, whatever the locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
