import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unpackZip } from "../../src/grade/unpackZip.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const python = systemFile("python3", "/usr/bin/python3");
// Under CI=true a missing python3 is a failing test, not a skip.
if (!python.available) itWith(python);
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-zip-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Builds a zip with Python's zipfile, which writes whatever names and attributes it is given:
 * the hostile archives a student could hand in. `entries` is [name, text, unixMode?].
 */
function makeZip(name: string, entries: Array<[string, string, number?]>, bigZeros = 0): string {
  const file = join(scratch, name);
  const script = `
import json, sys, zipfile
entries = json.loads(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, text, mode in entries:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        if mode: info.external_attr = mode << 16
        z.writestr(info, text)
    if int(sys.argv[3]):
        with z.open("bomb.bin", "w", force_zip64=True) as w:
            chunk = bytes(1 << 20)
            for _ in range(int(sys.argv[3])): w.write(chunk)
`;
  execFileSync("python3", ["-c", script, file, JSON.stringify(entries.map(([n, t, m]) => [n, t, m ?? 0])), String(bigZeros)]);
  return file;
}

describe.skipIf(!python.available)("unpackZip", () => {
  const into = () => mkdtempSync(join(scratch, "out-"));

  it("unpacks an ordinary zip", async () => {
    const dest = into();
    const r = await unpackZip(
      makeZip("ok.zip", [
        ["sub/nnCostFunction.js", "export const x = 1;\n"],
        ["sub/", ""],
      ]),
      dest,
    );
    expect(r).toEqual({ ok: true });
    expect(readFileSync(join(dest, "sub/nnCostFunction.js"), "utf8")).toBe("export const x = 1;\n");
  });

  it.each([
    ["dotdot.zip", "path-escape", [["../escaped.js", "x"]]],
    ["nested-dotdot.zip", "path-escape", [["a/../../escaped.js", "x"]]],
    ["absolute.zip", "path-escape", [["/tmp/escaped.js", "x"]]],
    ["symlink.zip", "symlink", [["link", "/etc/passwd", 0o120777]]],
  ] as const)("refuses %s by the %s rule, writing nothing outside", async (name, rule, entries) => {
    const dest = into();
    const r = await unpackZip(makeZip(name, entries as unknown as Array<[string, string, number?]>), dest);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rule).toBe(rule);
      expect(r.message).toContain(`refused (${rule})`);
      expect(r.message).toContain(name);
    }
    expect(existsSync(join(scratch, "escaped.js"))).toBe(false);
    expect(existsSync(join(dest, "link"))).toBe(false);
  });

  it("refuses more files than the limit", async () => {
    const entries = Array.from({ length: 12 }, (_, k): [string, string] => [`f${k}.txt`, "x"]);
    const r = await unpackZip(makeZip("many.zip", entries), into(), { maxFiles: 10, maxBytes: 1e6 });
    expect(r.ok === false && r.rule).toBe("too-many-files");
  });

  it("counts the bytes actually decompressed: a zip bomb is stopped at the limit", async () => {
    const bomb = makeZip("bomb.zip", [], 8);
    const r = await unpackZip(bomb, into(), { maxFiles: 10, maxBytes: 2 * 1024 * 1024 });
    expect(r.ok === false && r.rule).toBe("too-many-bytes");
  });

  it("says when a file is not a zip", async () => {
    const r = await unpackZip(join(import.meta.dirname, "unpackZip.test.ts"), into());
    expect(r.ok === false && r.rule).toBe("not-a-zip");
  });
});
