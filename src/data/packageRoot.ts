import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding gradcheck's package.json. The CLI runs from src/cli in a clone and from
 * dist/src/cli in an installed package, so paths to the package's own files (the examples the
 * tour checks, the version) are found by walking up rather than by a fixed number of `../`.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "gradcheck") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("gradcheck's package.json was not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version;
}
