import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { gradeClass } from "../../src/grade/gradeClass.ts";
import { submissionFixture } from "../helpers/submissionFixture.ts";
import { gradescopeProblems } from "../helpers/gradescopeFormat.ts";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/gradcheck.mjs");
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-grade-test-"));
const classDir = join(scratch, "class");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A small class with hostile neighbours: a correct student (alice), a buggy one (bob), a zip
 * (grace), a memory hog, a process that tries to escape (files, fork, network), one that forges
 * answers on the harness's channel, a folder and a zip with one id, a folder with no entry,
 * and a loose file.
 */
beforeAll(() => {
  mkdirSync(classDir);
  cpSync(join(root, "examples/correct"), join(classDir, "alice"), { recursive: true });
  cpSync(join(root, "examples/class/bob"), join(classDir, "bob"), { recursive: true });
  copyFileSync(join(root, "examples/class/grace.zip"), join(classDir, "grace.zip"));
  cpSync(submissionFixture("memory-hog"), join(classDir, "hog"), { recursive: true });
  cpSync(submissionFixture("escape-process"), join(classDir, "escapee"), { recursive: true });
  cpSync(submissionFixture("forge"), join(classDir, "forger"), { recursive: true });
  cpSync(join(root, "examples/correct"), join(classDir, "dup"), { recursive: true });
  copyFileSync(join(root, "examples/class/grace.zip"), join(classDir, "dup.zip"));
  mkdirSync(join(classDir, "heidi"));
  writeFileSync(join(classDir, "heidi/notes.txt"), "sorry\n");
  writeFileSync(join(classDir, "notes.txt"), '=HYPERLINK("x")\n');
});

const ids = ["alice", "bob", "dup", "escapee", "forger", "grace", "heidi", "hog"];

function grade(args: string[]) {
  const r = spawnSync(process.execPath, [bin, "grade", ...args], {
    encoding: "utf8",
    cwd: root,
    env: { ...process.env, CI: "" },
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const studentFiles = (out: string, name: string) =>
  Object.fromEntries(ids.map((id) => [id, existsSync(join(out, id, name)) ? readFileSync(join(out, id, name), "utf8") : undefined]));

describe("gradcheck grade", { timeout: 600_000 }, () => {
  const out1 = join(scratch, "out1");
  let first: ReturnType<typeof grade>;
  beforeAll(() => {
    first = grade([
      classDir,
      ...["--out", out1, "--seed", "11", "--jobs", "2"],
      ...["--junit", join(scratch, "junit.xml"), "--format", "github", "--report", join(scratch, "overview")],
    ]);
  }, 600_000);

  it("lists every student exactly once in every output, whatever happened", () => {
    expect(first.code, first.stderr).toBe(0);
    const summary = json(join(out1, "summary.json"));
    expect(Object.keys(summary)).toEqual(["seed", "version", "rubric", "submissions"]);
    expect(summary.seed).toBe(11);
    expect(summary.submissions.map((s: { id: string }) => s.id)).toEqual(ids);
    for (const s of summary.submissions) {
      expect(Object.keys(s)).toEqual(["id", "status", "score", "points", "maxPoints", "items", "mistakes"]);
      expect(s.score).toBeCloseTo(s.points / s.maxPoints, 12);
      expect(s.items.map((i: { id: string }) => i.id)).toEqual(summary.rubric.tests.map((t: { id: string }) => t.id));
    }
    const csv = readFileSync(join(out1, "summary.csv"), "utf8").trim().split("\r\n");
    expect(csv.slice(1).map((row) => row.split(",")[0])).toEqual(ids.map((id) => `"${id}"`));
    for (const id of ids) {
      expect(gradescopeProblems(json(join(out1, id, "results.json"))), id).toEqual([]);
      expect(existsSync(join(out1, id, "feedback.md")), id).toBe(true);
    }
    const progress = first.stdout.split("\n").filter((l) => /^\[\d+\/8\]/.test(l));
    expect(progress.map((l) => l.split(":")[0].replace(/^\[\d+\/8\] /, "")).sort()).toEqual(ids);
    const junit = readFileSync(join(scratch, "junit.xml"), "utf8");
    expect(junit.match(/<testsuite /g)).toHaveLength(ids.length);
    expect(first.stdout).toMatch(/^::warning title=bob%3A Regulariser of the gradient/m);
  });

  it("--report writes the class overview page: every student linked, each recognised mistake linking to its students", () => {
    const html = readFileSync(join(scratch, "overview", "report.html"), "utf8");
    expect(first.stdout).toContain(`class overview: ${join(scratch, "overview", "report.html")}`);
    const summary = json(join(out1, "summary.json"));
    for (const id of ids) expect(html, id).toContain(`>${id}</a>`);
    const mistakes = new Set<string>(summary.submissions.flatMap((s: { mistakes: string[] }) => s.mistakes));
    expect(mistakes.size).toBeGreaterThan(0);
    for (const id of mistakes) expect(html, id).toContain(id);
    expect(html).toContain(`seed ${summary.seed}`);
  });

  it("scores each student by what happened to them; the correct one keeps full marks beside hostile neighbours", () => {
    const by = Object.fromEntries(json(join(out1, "summary.json")).submissions.map((s: { id: string }) => [s.id, s]));
    expect(by.alice.status).toBe("graded");
    expect(by.alice.points).toBe(100);
    expect(by.bob.mistakes).toEqual(["lambda-not-divided-by-m"]);
    expect(by.bob.points).toBe(90);
    expect(by.grace.mistakes).toEqual(["missing-activation-derivative"]);
    expect(by.dup.status).toBe("duplicate-id");
    expect(by.dup.items[0].message).toContain(join(classDir, "dup.zip"));
    expect(by.dup.items[0].message).toContain(join(classDir, "dup") + " and");
    expect(by.heidi.status).toBe("no-entry-file");
    for (const id of ["hog", "escapee", "forger"]) expect(by[id].points, id).toBeLessThan(100);
    expect(existsSync("/tmp/escaped-by-submission.txt")).toBe(false);
    expect(first.stderr).toContain(`skipped ${join(classDir, "notes.txt")}`);
    expect(readFileSync(join(out1, "class.md"), "utf8")).toContain("notes.txt");
    const feedback = readFileSync(join(out1, "bob/feedback.md"), "utf8");
    expect(feedback).toContain("lambda-not-divided-by-m");
    expect(feedback).toContain("counterexample.json");
    // a replay the student runs with their own tools: the failing call's arguments
    expect(feedback).toContain('{"id":1,"params":[');
    expect(feedback).not.toContain("npx gradcheck");
    expect(json(join(out1, "bob/counterexample.json")).layerSizes.length).toBeGreaterThanOrEqual(2);
  });

  it("the correct student graded alone gets the same items", () => {
    const alone = join(scratch, "alone");
    mkdirSync(join(alone, "class"), { recursive: true });
    cpSync(join(root, "examples/correct"), join(alone, "class/alice"), { recursive: true });
    expect(grade([join(alone, "class"), "--out", join(alone, "out"), "--seed", "11"]).code).toBe(0);
    const items = (f: string) => json(f).submissions.find((s: { id: string }) => s.id === "alice").items;
    expect(items(join(alone, "out/summary.json"))).toEqual(items(join(out1, "summary.json")));
  });

  it("the same class and seed give the same bytes; --resume keeps what is unchanged and regrades what changed", () => {
    const out2 = join(scratch, "out2");
    expect(grade([classDir, "--out", out2, "--seed", "11", "--jobs", "1"]).code).toBe(0);
    expect(readFileSync(join(out2, "summary.json"), "utf8")).toBe(readFileSync(join(out1, "summary.json"), "utf8"));
    expect(readFileSync(join(out2, "class.md"), "utf8")).toBe(readFileSync(join(out1, "class.md"), "utf8"));
    expect(studentFiles(out2, "feedback.md")).toEqual(studentFiles(out1, "feedback.md"));
    expect(studentFiles(out2, "results.json")).toEqual(studentFiles(out1, "results.json"));

    const again = grade([classDir, "--out", out2, "--resume"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.match(/unchanged, kept/g)).toHaveLength(ids.length);
    expect(again.stdout).toContain("seed 11");

    appendFileSync(join(classDir, "bob/nnCostFunction.cjs"), "\n// edited\n");
    const edited = grade([classDir, "--out", out2, "--resume"]);
    expect(edited.stdout.match(/unchanged, kept/g)).toHaveLength(ids.length - 1);
    expect(edited.stdout).toMatch(/bob: graded, 90\/100 \(\d/);

    const only = grade([classDir, "--out", out2, "--only", "alice"]);
    expect(only.stdout).toMatch(/alice: graded, 100\/100 \(\d/);
    expect(only.stdout.match(/unchanged, kept/g)).toHaveLength(ids.length - 1);
  });

  it("a run killed with SIGKILL mid-way loses nothing finished, leaves no half-written output, and --resume completes it", async () => {
    const out3 = join(scratch, "out3");
    const child = spawn(process.execPath, [bin, "grade", classDir, "--out", out3, "--seed", "11", "--jobs", "1"], {
      cwd: root,
      detached: true,
      stdio: "ignore",
    });
    const finished = () => ids.filter((id) => existsSync(join(out3, id, "record.json")));
    while (finished().length < 2) await new Promise((r) => setTimeout(r, 100));
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const before = finished();
    for (const id of before) for (const f of ["results.json", "record.json"]) JSON.parse(readFileSync(join(out3, id, f), "utf8"));
    expect(existsSync(join(out3, "summary.json"))).toBe(false);

    const resumed = grade([classDir, "--out", out3, "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const id of before) expect(resumed.stdout).toContain(`${id}: `);
    expect(resumed.stdout.match(/unchanged, kept/g)!.length).toBeGreaterThanOrEqual(before.length);
    expect(json(join(out3, "summary.json")).submissions.map((s: { id: string }) => s.id)).toEqual(ids);
    const leftovers = readdirSync(out3, { recursive: true })
      .map(String)
      .filter((f) => f.includes(".partial-"));
    for (const f of leftovers) expect(f.replace(/\.partial-\d+-\d+$/, "")).not.toBe(f);
  });

  it.each([
    [() => ({ classDir, outDir: join(classDir, "grades") }), "is inside CLASS_DIR"],
    [() => ({ classDir, outDir: out1 }), "not empty; pass --resume"],
    [() => ({ classDir: join(scratch, "nope"), outDir: join(scratch, "x1") }), "nope: no such folder"],
    [
      () => {
        mkdirSync(join(scratch, "empty"), { recursive: true });
        return { classDir: join(scratch, "empty"), outDir: join(scratch, "x2") };
      },
      "empty: no student folders or .zip files",
    ],
    [() => ({ classDir, outDir: out1, only: ["zed"] }), "--only: no student 'zed'"],
  ])("refuses bad input with a message naming the path and the problem (%#)", async (folders, message) => {
    const before = readFileSync(join(out1, "summary.json"), "utf8");
    const r = await gradeClass({ rubric: defaultRubric, drawSeed: () => 1, jobs: 1, callTimeoutMs: 1000, resume: false, ...folders() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
    expect(readFileSync(join(out1, "summary.json"), "utf8")).toBe(before);
  });

  it("refuses a --report folder inside CLASS_DIR before grading anyone", () => {
    const r = grade([classDir, "--out", join(scratch, "x4"), "--report", join(classDir, "overview")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is inside CLASS_DIR");
    expect(existsSync(join(scratch, "x4"))).toBe(false);
    expect(existsSync(join(classDir, "overview"))).toBe(false);
  });

  it("refuses an invalid rubric, naming the file and the field, before writing anything", () => {
    writeFileSync(join(scratch, "r.json"), JSON.stringify({ name: "r", assignment: { hiddenActivation: "swish" }, tests: [] }));
    const r = grade([classDir, "--out", join(scratch, "x3"), "--rubric", join(scratch, "r.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("r.json: tests: must NOT have fewer than 1 items");
    expect(r.stderr).toContain(
      'r.json: assignment.hiddenActivation: must be equal to one of the allowed values: "sigmoid", "tanh", "relu"',
    );
    expect(existsSync(join(scratch, "x3"))).toBe(false);
  });
});
