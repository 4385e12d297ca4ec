import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** One student of a class folder: a subfolder, a NAME.zip, or both (a duplicate id). */
export interface StudentEntry {
  readonly id: string;
  readonly kind: "folder" | "zip" | "duplicate";
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
  const kinds = new Map<string, Set<"folder" | "zip">>();
  const loose: string[] = [];
  for (const name of readdirSync(classDir).sort(byCodeUnit)) {
    if (name.startsWith(".")) continue;
    const path = join(classDir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    const kind = st?.isDirectory() ? "folder" : st?.isFile() && name.toLowerCase().endsWith(".zip") ? "zip" : undefined;
    if (!kind) {
      loose.push(path);
      continue;
    }
    const id = kind === "zip" ? name.slice(0, -4) : name;
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
