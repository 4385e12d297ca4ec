import { createWriteStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../data/packageRoot.ts";
import yazl from "yazl";
import type { Rubric } from "./Rubric.ts";
import { runtimePackages } from "./runtimePackages.ts";

/** gradcheck's own folder: what the autograder carries. */
const root = (): string => packageRoot();

/**
 * Ubuntu packages the sandbox uses on Gradescope: bubblewrap; Python for process submissions and,
 * where bubblewrap cannot run, for installing the seccomp filter (separate-user fallback);
 * setpriv/prlimit/unshare.
 */
export const autograderPackages = ["bubblewrap", "python3", "python3-numpy", "util-linux"];

const setupSh = `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image. gradcheck and the
# Node.js runtime it was built with are in this folder already; only the sandbox's Ubuntu
# packages are installed here.
set -euo pipefail
here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${autograderPackages.join(" ")}
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
 * the seed and the per-call limit, gradcheck's sources with its production dependencies (as
 * installed: no test or build tool is packed), and the Node.js binary this
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
  text("setup.sh", setupSh, 0o755);
  text("run_autograder", runAutograder, 0o755);
  text("rubric.json", JSON.stringify(rubric, null, 1) + "\n");
  text("seed", `${seed}\n`);
  text("timeout", `${callTimeoutMs}\n`);
  zip.addFile(process.execPath, "node/bin/node", { mode: 0o755, mtime: new Date(0) });
  files++;
  for (const { from, to } of packedPaths()) {
    const st = statSync(from);
    zip.addFile(from, `gradcheck/${to}`, { mode: st.mode & 0o111 ? 0o755 : 0o644, mtime: new Date(0) });
    files++;
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(file)).on("close", resolve).on("error", reject));
  return { files, bytes: statSync(file).size };
}

/**
 * gradcheck's runtime files (bin/, the compiled dist/) and every package it needs at run time
 * (runtimePackages: as installed, in a clone or in a project's node_modules), each with its
 * place in the pack. No test or build tool is packed.
 */
function packedPaths(): { readonly from: string; readonly to: string }[] {
  const own = ["package.json", ...walk(root(), "bin"), ...walk(root(), "dist")].map((p) => ({ from: join(root(), p), to: p }));
  const packages = runtimePackages(root()).flatMap(({ dir, packedAt }) =>
    walk(dir, "")
      .filter((p) => !p.includes("node_modules/"))
      .map((p) => ({ from: join(dir, p), to: `${packedAt}/${p}` })),
  );
  return [...own, ...packages];
}

/** Files under base/dir, relative to base (dir "" for the whole of base); .bin folders are npm's links, not files. */
function walk(base: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(base, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== ".bin") out.push(...walk(base, path));
    } else if (entry.isFile()) out.push(path);
  }
  return out;
}
