import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * Whether `path` (which may not exist yet) is `folder` or lies inside it, symlinks resolved:
 * grade refuses to write its outputs where they would be graded as a student next time.
 */
export function insideFolder(path: string, folder: string): boolean {
  const inside = relative(realpathSync(folder), realPathOf(path));
  return inside === "" || (!inside.startsWith("..") && !isAbsolute(inside));
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function realPathOf(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const parent = dirname(full);
  return parent === full ? full : join(realPathOf(parent), basename(full));
}
