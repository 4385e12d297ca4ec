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
/** What setup.sh needs besides, when it fetches Node.js itself. */
const downloadPackages = ["ca-certificates", "curl", "xz-utils"];

/**
 * The production dependencies run_autograder loads (grading a JS, a TypeScript and a Python
 * submission, traced module by module): the rubric's validator, the search, the zip reader and
 * the TypeScript transpiler. mathjs (the BigNumber oracle), vega and vega-lite (charts), pngjs,
 * the JUnit writer, the progress bar, the roster's CSV reader and the zip writer are never
 * loaded there, and make up most of the packed size; docs/grade.md has the measurements.
 */
export const autograderDependencies = ["ajv", "esbuild", "fast-check", "yauzl"];

/** What a rubric's profile adds: Octave for ex4, whose students may submit nnCostFunction.m. */
export function autograderPackagesFor(rubric: Rubric): string[] {
  return [...autograderPackages, ...(rubric.assignment.profile === "ex4" ? ["octave"] : [])];
}

/**
 * Where the autograder's Node.js comes from. "download": setup.sh fetches the very version this
 * process runs from nodejs.org and checks it against the release's SHA-256 list — the runtime
 * is two thirds of a bundled zip. "bundle": this process's own binary is packed (offline images).
 */
export type NodeSource = "download" | "bundle";

const fetchNode = (version: string) => `
# Node.js ${version}, as gradcheck was built with it, checked against the release's SHA-256 list.
tarball="node-${version}-linux-x64.tar.xz"
curl -fsSL "https://nodejs.org/dist/${version}/$tarball" -o "/tmp/$tarball"
curl -fsSL "https://nodejs.org/dist/${version}/SHASUMS256.txt" | grep " $tarball\$" | (cd /tmp && sha256sum -c -)
mkdir -p "$here/node"
tar -xJf "/tmp/$tarball" -C "$here/node" --strip-components=1 "node-${version}-linux-x64/bin/node"
rm -f "/tmp/$tarball"`;

export const setupScript = (packages: readonly string[], node: NodeSource = "bundle"): string => `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image. gradcheck is in
# this folder already; the sandbox's Ubuntu packages are installed here${node === "download" ? ", and Node.js fetched" : " (the Node.js runtime it was built with is packed)"}.
set -euo pipefail
here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${[...packages, ...(node === "download" ? downloadPackages : [])].join(" ")}${node === "download" ? fetchNode(process.version) : ""}
chmod 755 "$here/node/bin/node" "$here/run_autograder" "$here/setup.sh"
find "$here/gradcheck/node_modules" -path '*/bin/*' -type f -exec chmod 755 {} +
echo "gradcheck autograder ready: $("$here/node/bin/node" --version)"
`;

/** What Gradescope runs for every submission (exported for the tests that read it). */
export const runAutograder = `#!/usr/bin/env bash
# Gradescope runs this for every submission. It grades /autograder/submission with
# gradcheck's rubric and writes /autograder/results/results.json; GRADCHECK_AUTOGRADER_ROOT
# replaces /autograder (for tests). If gradcheck itself fails, a results.json saying so is
# written here, so Gradescope always has one.
root="\${GRADCHECK_AUTOGRADER_ROOT:-/autograder}"
source="$root/source"
mkdir -p "$root/results"
# The sandbox runs the submission as an unused uid, which must reach the Node runtime and
# nothing else of the source folder: the runtime is world-readable; the rubric, the seed and
# gradcheck itself are not. The seed goes by its file, never on a command line, which any uid
# can read in /proc where there is no pid namespace.
chmod 711 "$root" "$source"
chmod -R a+rX "$source/node"
chmod -R go-rwx "$source/gradcheck"
chmod 600 "$source/rubric.json" "$source/seed" "$source/timeout"
"$source/node/bin/node" "$source/gradcheck/bin/gradcheck.mjs" autograde --root "$root" \\
  --rubric "$source/rubric.json" --seed-file "$source/seed" --timeout "$(cat "$source/timeout")"
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
  node: NodeSource = "bundle",
): Promise<{ files: number; bytes: number }> {
  const zip = new yazl.ZipFile();
  let files = 0;
  const text = (name: string, content: string, mode = 0o644) => {
    zip.addBuffer(Buffer.from(content), name, { mode, mtime: new Date(0) });
    files++;
  };
  text("setup.sh", setupScript(autograderPackagesFor(rubric), node), 0o755);
  text("run_autograder", runAutograder, 0o755);
  text("rubric.json", JSON.stringify(rubric, null, 1) + "\n");
  text("seed", `${seed}\n`);
  text("timeout", `${callTimeoutMs}\n`);
  if (node === "bundle") {
    zip.addFile(process.execPath, "node/bin/node", { mode: 0o755, mtime: new Date(0) });
    files++;
  }
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
 * gradcheck's runtime files (bin/, the compiled dist/) and the packages run_autograder loads
 * (autograderDependencies, and theirs, found as installed by runtimePackages: in a clone or in a
 * project's node_modules), each with its place in the pack. No test or build tool is packed, nor
 * what only other commands load.
 */
function packedPaths(): { readonly from: string; readonly to: string }[] {
  const own = ["package.json", ...walk(root(), "bin"), ...walk(root(), "dist")].map((p) => ({ from: join(root(), p), to: p }));
  const packages = runtimePackages(root(), autograderDependencies).flatMap(({ dir, packedAt }) =>
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
