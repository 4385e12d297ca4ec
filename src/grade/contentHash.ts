import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { byCodeUnit } from "./discoverClass.ts";

/**
 * A SHA-256 of a submission's content: every file's relative path and bytes (a symbolic
 * link's target), in a fixed order. Timestamps do not count, so copying a class keeps its
 * grades. Throws with the path that could not be read.
 */
export function contentHash(paths: readonly string[]): string {
  const hash = createHash("sha256");
  const walk = (path: string, rel: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) hash.update(`link ${rel}\0${readlinkSync(path)}\0`);
    else if (st.isDirectory()) for (const name of readdirSync(path).sort(byCodeUnit)) walk(join(path, name), `${rel}/${name}`);
    else {
      hash.update(`file ${rel}\0${st.size}\0`);
      hash.update(readFileSync(path));
    }
  };
  for (const p of paths) walk(p, "");
  return hash.digest("hex");
}
