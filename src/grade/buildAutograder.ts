import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../data/packageRoot.ts";
import yazl from "yazl";
import type { Rubric } from "./Rubric.ts";

/** gradcheck's own folder: what the autograder carries. */
const root = (): string => packageRoot();

/**
 * Ubuntu packages the sandbox uses on Gradescope: bubblewrap; Python for process submissions and,
 * where bubblewrap cannot run, for installing the seccomp filter (separate-user fallback);
 * setpriv/prlimit/unshare.
 */
export const autograderPackages = ["bubblewrap", "python3", "python3-numpy", "util-linux"];

/** What a rubric's profile adds: Octave for ex4, whose students may submit nnCostFunction.m. */
export function autograderPackagesFor(rubric: Rubric): string[] {
  return [...autograderPackages, ...(rubric.assignment.profile === "ex4" ? ["octave"] : [])];
}

export const setupScript = (packages: readonly string[]): string => `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image. gradcheck and the
# Node.js runtime it was built with are in this folder already; only the sandbox's Ubuntu
# packages are installed here.
set -euo pipefail
here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")}
chmod 755 "$here/node/bin/node" "$here/run_autograder" "$here/setup.sh"
find "$here/gradcheck/node_modules" -path '*/bin/*' -type f -exec chmod 755 {} +
echo "gradcheck autograder ready: $("$here/node/bin/node" --version)"
`;

const runAutograder = `#!/usr/bin/env bash
# Gradescope runs this for every submission. It grades /autograder/submission with
# gradcheck's rubric and writes /autograder/results/results.json; GRADCHECK_AUTOGRADER_ROOT
# replaces /autograder (for tests). If gradcheck itself fails, a results.json saying so is
# written here, so Gradescope always has one.
root="\${GRADCHECK_AUTOGRADER_ROOT:-/autograder}"
source="$root/source"
mkdir -p "$root/results"
# The sandbox runs the submission as an unused uid, which must reach the Node runtime and
# nothing else of the source folder: the runtime is world-readable, the rubric and seed are not.
chmod 711 "$root" "$source"
chmod -R a+rX "$source/node"
chmod 600 "$source/rubric.json" "$source/seed" "$source/timeout"
"$source/node/bin/node" "$source/gradcheck/bin/gradcheck.mjs" autograde --root "$root" \\
  --rubric "$source/rubric.json" --seed "$(cat "$source/seed")" --timeout "$(cat "$source/timeout")"
status=$?
if [ ! -s "$root/results/results.json" ]; then
  printf '{"score": 0, "output": "The autograder could not grade this submission (gradcheck exited with status %s). Please tell the course staff.", "tests": []}\\n' "$status" > "$root/results/results.json"
fi
exit 0
`;

/**
 * Builds the Gradescope autograder zip: setup.sh and run_autograder at the top, the rubric,
 * the seed and the per-call limit, gradcheck's sources with its production dependencies (read
 * from package-lock.json, so no test or build tool is packed), and the Node.js binary this
 * process runs on, since Gradescope's images have no Node ≥ 20.
 */
export async function buildAutograder(
  file: string,
  rubric: Rubric,
  seed: number,
  callTimeoutMs: number,
): Promise<{ files: number; bytes: number }> {
  const zip = new yazl.ZipFile();
  let files = 0;
  const text = (name: string, content: string, mode = 0o644) => {
    zip.addBuffer(Buffer.from(content), name, { mode, mtime: new Date(0) });
    files++;
  };
  text("setup.sh", setupScript(autograderPackagesFor(rubric)), 0o755);
  text("run_autograder", runAutograder, 0o755);
  text("rubric.json", JSON.stringify(rubric, null, 1) + "\n");
  text("seed", `${seed}\n`);
  text("timeout", `${callTimeoutMs}\n`);
  zip.addFile(process.execPath, "node/bin/node", { mode: 0o755, mtime: new Date(0) });
  files++;
  for (const path of packedPaths()) {
    const full = join(root(), path);
    const st = statSync(full);
    zip.addFile(full, `gradcheck/${path}`, { mode: st.mode & 0o111 ? 0o755 : 0o644, mtime: new Date(0) });
    files++;
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(file)).on("close", resolve).on("error", reject));
  return { files, bytes: statSync(file).size };
}

/**
 * gradcheck's runtime files (bin/, the compiled dist/) and every package it needs at run time:
 * its dependencies and required peer dependencies, and theirs, resolved as npm laid them out
 * in package-lock.json. No test or build tool is packed.
 */
function packedPaths(): string[] {
  const paths = ["package.json", ...walk("bin"), ...walk("dist")];
  const manifest = JSON.parse(readFileSync(join(root(), "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const lock = JSON.parse(readFileSync(join(root(), "package-lock.json"), "utf8")) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
  };
  const wanted = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !manifest.peerDependenciesMeta?.[n]?.optional),
  ];
  const seen = new Set<string>();
  const visit = (from: string, name: string) => {
    // npm's resolution: the nearest node_modules folder up from the dependent package.
    let at = from;
    for (;;) {
      const dir = `${at ? `${at}/` : ""}node_modules/${name}`;
      if (lock.packages[dir]) {
        if (seen.has(dir) || !existsSync(join(root(), dir))) return;
        seen.add(dir);
        const info = lock.packages[dir];
        for (const dep of [...Object.keys(info.dependencies ?? {}), ...Object.keys(info.optionalDependencies ?? {})]) visit(dir, dep);
        return;
      }
      if (!at) return;
      const cut = at.lastIndexOf("/node_modules/");
      at = cut < 0 ? "" : at.slice(0, cut);
    }
  };
  for (const name of wanted) visit("", name);
  for (const dir of [...seen].sort()) paths.push(...walk(dir).filter((p) => !p.slice(dir.length).includes("/node_modules/")));
  return paths;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root(), dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== ".bin") out.push(...walk(path));
    } else if (entry.isFile()) out.push(path);
  }
  return out;
}
