import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { autograderDependencies, buildAutograder } from "../../src/grade/buildAutograder.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { unpackZip } from "../../src/grade/unpackZip.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-autograder-zip-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under dir, relative. */
function files(dir: string, at = ""): string[] {
  return readdirSync(join(dir, at), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(dir, join(at, d.name)) : [join(at, d.name)],
  );
}

it("the lean autograder: at most 20 MB, only the packages run_autograder loads, Node.js fetched and checked by setup.sh", async () => {
  const file = join(scratch, "autograder.zip");
  const { bytes } = await buildAutograder(file, defaultRubric, 1, 3000, "download");
  expect(bytes).toBeLessThanOrEqual(20e6);
  const unpacked = join(scratch, "unpacked");
  expect(await unpackZip(file, unpacked, { maxFiles: 100_000, maxBytes: 2e9 })).toEqual({ ok: true });
  const names = files(unpacked),
    text = readFileSync(join(unpacked, "setup.sh"), "utf8");
  expect(names).not.toContain("node/bin/node");
  const packages = new Set(names.map((n) => /^gradcheck\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(n)?.[1]).filter(Boolean));
  for (const name of autograderDependencies) expect(packages).toContain(name);
  for (const name of ["mathjs", "vega", "vega-lite", "pngjs", "junit-report-builder", "cli-progress", "csv-parse", "yazl"])
    expect(packages).not.toContain(name);
  expect(text).toContain(`tarball="node-${process.version}-linux-x64.tar.xz"`);
  expect(text).toContain(`curl -fsSL "https://nodejs.org/dist/${process.version}/$tarball"`);
  expect(text).toMatch(/SHASUMS256\.txt.*sha256sum -c -/);
  expect(text).toMatch(/apt-get install -y -qq bubblewrap python3 python3-numpy util-linux ca-certificates curl xz-utils/);
}, 120_000);
