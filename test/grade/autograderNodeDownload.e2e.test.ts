import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAutograder } from "../../src/grade/buildAutograder.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { unpackZip } from "../../src/grade/unpackZip.ts";

/**
 * `gradcheck gradescope --download-node`: the zip leaves Node.js out and setup.sh fetches the
 * release the zip was built with, checked against the release's SHA-256 list. The tests reach
 * no network: `curl` is a stub that serves a release folder made here, laid out as the Node.js
 * project lays out its releases (the "binary" in it a script answering --version, which is all
 * setup.sh asks of it, so the tarball stays small).
 */
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-node-download-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const version = process.version;
const tarball = `node-${version}-linux-x64.tar.xz`;
const release = join(scratch, "release");
const stubs = join(scratch, "stubs");
const fetched = join(scratch, "curl.log");

/** A curl that answers `curl -fsSL URL [-o FILE]` from the release folder, by the URL's last part. */
const curlStub = `#!/bin/sh
out=""; url=""
while [ $# -gt 0 ]; do
  case "$1" in -o) out="$2"; shift 2;; -*) shift;; *) url="$1"; shift;; esac
done
echo "$url" >> ${fetched}
file="${release}/$(basename "$url")"
[ -f "$file" ] || { echo "curl: (22) 404 $url" >&2; exit 22; }
if [ -n "$out" ]; then cp "$file" "$out"; else cat "$file"; fi
`;

function makeRelease(node: Buffer) {
  rmSync(release, { recursive: true, force: true });
  const layout = join(scratch, "layout", `node-${version}-linux-x64`, "bin");
  mkdirSync(layout, { recursive: true });
  writeFileSync(join(layout, "node"), node, { mode: 0o755 });
  mkdirSync(release, { recursive: true });
  const tar = spawnSync("tar", ["-cJf", join(release, tarball), "-C", join(scratch, "layout"), `node-${version}-linux-x64`]);
  expect(tar.status, String(tar.stderr)).toBe(0);
  return createHash("sha256")
    .update(readFileSync(join(release, tarball)))
    .digest("hex");
}

function setup(root: string) {
  return spawnSync("bash", [join(root, "source/setup.sh")], {
    encoding: "utf8",
    env: { PATH: `${stubs}:${process.env.PATH}` },
    timeout: 300_000,
  });
}

async function unpacked(name: string): Promise<string> {
  const root = join(scratch, name);
  const zip = join(scratch, `${name}.zip`);
  await buildAutograder(zip, defaultRubric, 5, 3000, "download");
  expect(await unpackZip(zip, join(root, "source"), { maxFiles: 100_000, maxBytes: 2e9 })).toEqual({ ok: true });
  return root;
}

describe("an autograder that fetches Node.js in setup.sh", { timeout: 600_000 }, () => {
  beforeAll(() => {
    mkdirSync(stubs, { recursive: true });
    writeFileSync(join(stubs, "curl"), curlStub, { mode: 0o755 });
    writeFileSync(join(stubs, "apt-get"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    chmodSync(join(stubs, "curl"), 0o755);
  });

  it("fetches the release it was built with, checks its SHA-256 and installs it", async () => {
    const sum = makeRelease(Buffer.from(`#!/bin/sh\necho ${version}\n`));
    writeFileSync(join(release, "SHASUMS256.txt"), `${"0".repeat(64)}  node-${version}-other.tar.xz\n${sum}  ${tarball}\n`);
    const root = await unpacked("good");
    const r = setup(root);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`gradcheck autograder ready: ${version}`);
    expect(readFileSync(fetched, "utf8")).toContain(`/${version}/${tarball}`);
  });

  it("refuses a tarball whose SHA-256 is not the release's, and installs no Node.js", async () => {
    makeRelease(Buffer.from("#!/bin/sh\necho tampered\n"));
    writeFileSync(join(release, "SHASUMS256.txt"), `${"1".repeat(64)}  ${tarball}\n`);
    const root = await unpacked("tampered");
    const r = setup(root);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).not.toContain("gradcheck autograder ready");
    expect(() => readFileSync(join(root, "source/node/bin/node"))).toThrow();
  });
});
