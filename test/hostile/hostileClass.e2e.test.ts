import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxAbilities } from "../../src/sandbox/index.ts";
import { requireSystem } from "../helpers/requireSystem.ts";
import { check, cleanWorkspace, makeWorkspace, project, secret, secretFile, workspace } from "../helpers/hostileRun.ts";

const sandboxed = requireSystem("the bubblewrap sandbox", sandboxAbilities().bwrap, "apt-get install bubblewrap");
const classDir = join(workspace, "class");
const out = join(workspace, "out");
const correct = join(project, "examples/correct");
const asRoot = process.getuid?.() === 0;

/** A Python process that answers every request with J nested 200,000 arrays deep, written by hand (json.dumps would recurse). */
const deepAnswer = `import sys, json
for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    deep = "[" * 200000 + "]" * 200000
    sys.stdout.write('{"id": %s, "J": %s, "grad": []}\\n' % (json.dumps(req["id"]), deep))
    sys.stdout.flush()
`;

/** Each attack of a hostile class, by student id: what sits in CLASS_DIR under that name. */
function writeClass(): void {
  mkdirSync(classDir, { recursive: true });
  const student = (id: string, files: Record<string, string> = {}) => {
    cpSync(correct, join(classDir, id), { recursive: true });
    for (const [k, v] of Object.entries(files)) writeFileSync(join(classDir, id, k), v);
    return join(classDir, id);
  };
  student("alice");
  execFileSync("mkfifo", [join(student("fifo"), "pipe")]);
  if (asRoot) execFileSync("mknod", [join(student("device"), "zero"), "c", "1", "5"]);
  linkSync(secretFile, join(student("hardlink"), "notes.txt"));
  truncateSync(join(student("sparse", { "data.bin": "" }), "data.bin"), 1.9e9);
  symlinkSync(join(classDir, "alice"), join(classDir, "linked"));
  mkdirSync(join(classDir, "deep"));
  writeFileSync(join(classDir, "deep/gradcheck.json"), JSON.stringify({ command: ["python3", "nn.py"] }));
  writeFileSync(join(classDir, "deep/nn.py"), deepAnswer);
  mkdirSync(join(classDir, "chatty"));
  writeFileSync(join(classDir, "chatty/nnCostFunction.mjs"), `export function nnCostFunction() { throw new Error("x".repeat(9e6)); }\n`);
  student("summary.csv");
  // the regulariser with λ²: right at λ = 0 and λ = 1, where the rubric used to ask
  const squared = join(classDir, "squared");
  mkdirSync(squared);
  cpSync(join(correct, "nnCostFunction.mjs"), join(squared, "reference.mjs"));
  writeFileSync(
    join(squared, "nnCostFunction.mjs"),
    `import { nnCostFunction as right } from "./reference.mjs";\nexport const nnCostFunction = (p, sizes, X, y, lambda) => right(p, sizes, X, y, lambda * lambda);\n`,
  );
  // a link inside a folder is skipped and named in a warning; a loose file is skipped and named on stderr and in class.md
  symlinkSync("/etc/passwd", join(student("skipper"), "\u001b]0;pwned\u0007link"));
  writeFileSync(join(classDir, "\u001b[2Jnotes\u0007.txt"), "");
  student("\u001b[31mred\u0007");
  student(" =1+2");
}

const outputs = () => readdirSync(out, { recursive: true, encoding: "utf8" }).filter((p) => statSync(join(out, p)).isFile());
/** The bound each output is held to: every message a submission causes is clipped to 2,000 characters. */
const maxOutputBytes = 256 * 1024;

describe.runIf(sandboxed)("a hostile class cannot stop, slow or skew anyone else's grade", { timeout: 900_000 }, () => {
  let run: ReturnType<typeof spawnSync>;
  let summary: { submissions: Array<{ id: string; status: string; points: number; items: Array<{ message: string; passed: boolean }> }> };
  const byId = (id: string) => summary.submissions.find((s) => s.id === id)!;

  beforeAll(() => {
    makeWorkspace();
    writeClass();
    run = spawnSync(process.execPath, [join(project, "bin/gradcheck.mjs"), "grade", classDir, "--out", out, "--seed", "5", "--jobs", "2"], {
      encoding: "utf8",
      cwd: project,
      env: { ...process.env, CI: "" },
      timeout: 850_000,
    });
    summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
  }, 900_000);
  afterAll(cleanWorkspace);

  it("finishes, writes every output, lists every student exactly once, and the correct ones keep 100", () => {
    expect(run.status, String(run.stderr).slice(0, 2000)).toBe(0);
    const ids = summary.submissions.map((s) => s.id);
    const expected = [
      "alice",
      "skipper",
      "squared",
      "fifo",
      "hardlink",
      "sparse",
      "linked",
      "deep",
      "chatty",
      "summary.csv~student",
      "\\x1b[31mred\\x07",
      " =1+2",
    ];
    if (asRoot) expected.push("device");
    expect([...ids].sort()).toEqual(expected.sort());
    for (const id of ["alice", "skipper", "summary.csv~student", "\\x1b[31mred\\x07", " =1+2"]) expect(byId(id).points, id).toBe(100);
    for (const f of ["summary.json", "summary.csv", "class.md"]) expect(existsSync(join(out, f))).toBe(true);
    for (const id of ids) for (const f of ["results.json", "feedback.md"]) expect(existsSync(join(out, id, f)), `${id}/${f}`).toBe(true);
  });

  it("refuses a FIFO, a device, a hard link, a sparse file and a linked folder, naming the file and the rule", () => {
    const refused: Array<[string, RegExp]> = [
      ["fifo", /fifo\/pipe is a FIFO \(rule regular-files-only\)/],
      ["hardlink", /hardlink\/notes\.txt has more than one link \(rule one-link-only\)/],
      ["sparse", /too-many-bytes.*data\.bin brings it to/],
      ["linked", /linked is a symbolic link \(rule not-a-folder\)/],
      ...(asRoot ? [["device", /device\/zero is a device \(rule regular-files-only\)/] as [string, RegExp]] : []),
    ];
    for (const [id, rule] of refused) {
      expect(byId(id).status, id).toBe("refused-folder");
      expect(byId(id).items[0].message).toMatch(rule);
    }
  });

  it("a regulariser computed with λ² loses the regulariser's 20 points", () => {
    expect(byId("squared").points).toBe(80);
    expect(byId("squared").items.filter((i) => !i.passed).length).toBe(2);
  });

  it("an answer nested 200,000 deep and a 9 MB error per call cost only their own points, and every output stays small", () => {
    expect(byId("deep").status).toBe("graded");
    expect(byId("deep").points).toBe(0);
    expect(byId("deep").items[0].message).toMatch(/deeper than 32 levels/);
    expect(byId("chatty").points).toBe(0);
    const sizes = outputs().map((f) => [f, statSync(join(out, f)).size] as const);
    for (const [f, size] of sizes) expect(size, f).toBeLessThan(maxOutputBytes);
    console.log(`largest output: ${JSON.stringify(sizes.reduce((a, b) => (b[1] > a[1] ? b : a)))}`);
    console.log(summary.submissions.map((s) => `| ${JSON.stringify(s.id)} | ${s.status} | ${s.points} |`).join("\n"));
  });

  it("names are data: no raw ESC or BEL in any output or on the terminal, no formula in the CSV", () => {
    const texts = [...outputs().map((f) => readFileSync(join(out, f), "utf8")), String(run.stdout), String(run.stderr)];
    for (const t of texts) {
      expect(t).not.toMatch(/[\u0007\u001b]/);
      expect(t).not.toContain(secret);
    }
    for (const f of outputs()) expect(/[\u0000-\u001f\u007f]/.test(f), JSON.stringify(f)).toBe(false);
    expect(String(run.stderr)).toContain("\\x1b[2Jnotes\\x07.txt");
    expect(readFileSync(join(out, "class.md"), "utf8")).toMatch(/x1b\\*\[2Jnotes\\*x07\\*\.txt/);
    const csv = readFileSync(join(out, "summary.csv"), "utf8");
    expect(csv).toContain(`"' =1+2"`);
    expect(csv).toContain(`"\\x1b[31mred\\x07"`);
  });

  it("check prints its JSON, not a stack trace, for the answer nested 200,000 deep", async () => {
    const r = await check(join(classDir, "deep"));
    expect(r.json, r.stderr.slice(0, 500)).toBeDefined();
    expect([1, 2]).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(/RangeError|Maximum call stack/);
  });
});
