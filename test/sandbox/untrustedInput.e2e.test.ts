import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readProcessConfig, stageSubmission } from "../../src/sandbox/index.ts";
import { neutraliseForHtml, neutraliseForMarkdown, neutraliseForTerminal } from "../../src/report/untrustedText.ts";
import { parseAnswerLine } from "../../src/sandbox/parseAnswerLine.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-untrusted-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
function folder(files: Record<string, string>): string {
  const dir = join(scratch, `f${n++}`);
  mkdirSync(dir);
  for (const [k, v] of Object.entries(files)) {
    mkdirSync(join(dir, k, ".."), { recursive: true });
    writeFileSync(join(dir, k), v);
  }
  return dir;
}

describe("the private copy", () => {
  it("copies regular files and folders, world-readable, and lists what it skips", () => {
    const dir = folder({ "nnCostFunction.mjs": "x", "lib/a.mjs": "y" });
    symlinkSync("/", join(dir, "root"));
    execFileSync("mkfifo", [join(dir, "pipe")]);
    const staged = stageSubmission(dir);
    if (!staged.ok) throw new Error(staged.message);
    try {
      expect(readdirSync(staged.dir).sort()).toEqual(["lib", "nnCostFunction.mjs"]);
      expect(readFileSync(join(staged.dir, "lib/a.mjs"), "utf8")).toBe("y");
      expect(statSync(join(staged.dir, "lib")).mode & 0o777).toBe(0o755);
      expect(statSync(join(staged.dir, "lib/a.mjs")).mode & 0o777).toBe(0o644);
      expect(staged.skipped).toEqual([
        { path: "pipe", kind: "FIFO" },
        { path: "root", kind: "symbolic link" },
      ]);
      expect(readFileSync(join(staged.dir, "../owner"), "utf8")).toMatch(new RegExp(`^${process.pid} \\d+$`));
    } finally {
      staged.release();
    }
    expect(() => statSync(staged.dir)).toThrow();
  });

  it("refuses by apparent size, by count and by depth, naming the limit, before copying anything", () => {
    const big = folder({ "nnCostFunction.mjs": "x" });
    execFileSync("truncate", ["-s", "100M", join(big, "sparse.bin")]);
    expect(stageSubmission(big)).toMatchObject({
      ok: false,
      limit: true,
      message: expect.stringMatching(/more than 64 MiB in total \(apparent sizes; sparse\.bin/),
    });
    const many = folder({});
    for (let i = 0; i < 12; i++) writeFileSync(join(many, `f${i}`), "");
    expect(stageSubmission(many, { maxBytes: 1e9, maxEntries: 10, maxDepth: 32 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than 10 files and folders/),
    });
    const deep = folder({ "a/b/c/d/e.txt": "" });
    expect(stageSubmission(deep, { maxBytes: 1e9, maxEntries: 100, maxDepth: 2 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/deeper than 2 levels/),
    });
  });
});

describe("gradcheck.json", () => {
  const read = (text: string) => readProcessConfig(folder({ "gradcheck.json": text }));
  it("accepts a command and names what is wrong otherwise, never quoting the file", () => {
    expect(read('{"command": ["python3", "nn.py"]}')).toEqual({ ok: true, command: ["python3", "nn.py"] });
    const cases: Array<[string, RegExp]> = [
      ["root:x:0:0:root:/root:/bin/bash", /not valid JSON/],
      ['{"command": "python3 nn.py"}', /"command" must be a non-empty array of strings, got a string/],
      ['{"command": ["python3", 3]}', /command\[1\] is a number/],
      [JSON.stringify({ command: ["python3", "a\u0000b"] }), /command\[1\] contains a NUL/],
      [JSON.stringify({ command: Array(300).fill("x") }), /300 entries, at most 256/],
      [JSON.stringify({ command: ["x".repeat(5000)] }), /5000 characters long, at most 4096/],
      ["[".repeat(40_000), /is 40000 bytes, at most 65536|not valid JSON/],
      ['{"command": ' + "[".repeat(20_000) + "]".repeat(20_000) + "}", /not valid JSON|command\[0\] is an array/],
    ];
    for (const [text, message] of cases) {
      const r = read(text);
      expect(r).toMatchObject({ ok: false, problem: "bad-config", message });
      if (!r.ok) expect(r.message).not.toContain("root:x");
    }
  });
});

describe("answers on the wire", () => {
  it("reads bare NaN and ±Infinity outside strings, and leaves them alone inside strings", () => {
    expect(parseAnswerLine('{"id": 1, "J": -Infinity, "grad": [NaN, Infinity, -1e-3]}')).toEqual({
      id: 1,
      J: "-Infinity",
      grad: ["NaN", "Infinity", -1e-3],
    });
    expect(parseAnswerLine('{"id": 2, "error": "NaN in layer 2, J = -Infinity \\" NaN"}')).toEqual({
      id: 2,
      error: 'NaN in layer 2, J = -Infinity " NaN',
    });
    expect(parseAnswerLine('{"id": 3, "error": "J = NaN", "J": NaN}')).toEqual({ id: 3, error: "J = NaN", J: "NaN" });
    expect(parseAnswerLine("loading numpy...")).toBeUndefined();
  });
});

describe("text from submissions", () => {
  const evil = "\u001b[2J\u001b[H✓ passed\r\n# PASSED\n<img src=x onerror=alert(1)>\u202e";
  it("cannot draw on the terminal", () => {
    const t = neutraliseForTerminal(evil);
    expect(t).not.toMatch(/[\u001b\r\u202e]/);
    expect(t).toContain("\\x1b[2J");
    expect(t).toContain("\\u202e");
  });
  it("cannot add structure to Markdown or HTML", () => {
    const md = neutraliseForMarkdown(evil);
    expect(md).not.toMatch(/^#/m);
    expect(md).not.toContain("<img");
    const html = neutraliseForHtml(evil);
    expect(html).not.toMatch(/[<>]/);
    expect(html).toContain("&lt;img");
  });
});
