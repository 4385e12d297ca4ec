import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAutograder } from "../../src/grade/buildAutograder.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { unpackZip } from "../../src/grade/unpackZip.ts";
import { gradescopeProblems } from "./gradescopeFormat.ts";

const repo = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-gradescope-test-"));
// Gradescope's /autograder is reachable by every user; mkdtemp's folder is not.
chmodSync(scratch, 0o755);
const root = join(scratch, "autograder");
const stubs = join(scratch, "stubs");
const noBwrap = join(scratch, "no-bwrap");
const aptLog = join(scratch, "apt-get.log");
const leak = join(tmpdir(), `gradcheck-leak-${process.pid}.txt`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterAll(() => rmSync(leak, { force: true }));

/** A process submission that tries to read the rubric, forge the results and fork; J reports what worked. */
const hostile = `import json, os, sys
bits = 0
try:
    secret = open(${JSON.stringify(join(root, "source/rubric.json"))}).read()
    open(${JSON.stringify(leak)}, "w").write(secret)
    bits |= 1
except Exception: pass
try:
    open(${JSON.stringify(join(root, "results/results.json"))}, "w").write('{"score": 1000, "tests": []}')
    bits |= 2
except Exception: pass
try:
    if os.fork() == 0: os._exit(0)
    bits |= 4
except Exception: pass
for line in sys.stdin:
    r = json.loads(line)
    n = len(r["params"])
    print(json.dumps({"id": r["id"], "J": float(bits), "grad": [0.0] * n}), flush=True)
`;

function run(script: string, env: Record<string, string>) {
  return spawnSync("bash", [join(root, "source", script)], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH!, ...env },
    timeout: 600_000,
  });
}

function grade(name: string, submission: (dir: string) => void, env: Record<string, string> = {}) {
  rmSync(join(root, "submission"), { recursive: true, force: true });
  rmSync(join(root, "results"), { recursive: true, force: true });
  mkdirSync(join(root, "submission"));
  mkdirSync(join(root, "results"));
  submission(join(root, "submission"));
  const r = run("run_autograder", { GRADCHECK_AUTOGRADER_ROOT: root, ...env });
  expect(r.status, `${name}: ${r.stderr}`).toBe(0);
  const results = JSON.parse(readFileSync(join(root, "results/results.json"), "utf8"));
  expect(gradescopeProblems(results), name).toEqual([]);
  return results;
}

describe("gradcheck gradescope: the autograder zip, unpacked where the repository is not visible", { timeout: 900_000 }, () => {
  beforeAll(async () => {
    const zip = join(scratch, "autograder.zip");
    const built = await buildAutograder(zip, defaultRubric, 17, 3000);
    expect(built.files).toBeGreaterThan(100);
    mkdirSync(join(root, "source"), { recursive: true });
    const unpacked = await unpackZip(zip, join(root, "source"), { maxFiles: 100_000, maxBytes: 2e9 });
    expect(unpacked).toEqual({ ok: true });
    mkdirSync(stubs);
    writeFileSync(join(stubs, "apt-get"), `#!/bin/sh\necho "$@" >> ${aptLog}\n`);
    chmodSync(join(stubs, "apt-get"), 0o755);
    mkdirSync(noBwrap);
    writeFileSync(join(noBwrap, "bwrap"), "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
    chmodSync(join(noBwrap, "bwrap"), 0o755);
  }, 900_000);

  it("setup.sh installs only the sandbox's Ubuntu packages (stubbed here) and finds its own Node", () => {
    const r = run("setup.sh", { PATH: `${stubs}:${process.env.PATH}` });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(aptLog, "utf8")).toMatch(/install -y -qq bubblewrap python3 python3-numpy util-linux/);
    expect(r.stdout).toContain(`gradcheck autograder ready: ${process.version}`);
  });

  it("grades a correct, a buggy and a crashing submission, each into a valid results.json", () => {
    const correct = grade("correct", (d) => cpSync(join(repo, "examples/correct"), d, { recursive: true }));
    expect(correct.score).toBe(100);
    expect(correct.extra_data.seed).toBe(17);
    const buggy = grade("buggy", (d) => cpSync(join(repo, "examples/class/bob"), d, { recursive: true }));
    expect(buggy.score).toBe(90);
    expect(buggy.extra_data.mistakes).toEqual(["lambda-not-divided-by-m"]);
    expect(buggy.output).toContain("lambda-not-divided-by-m");
    const crash = grade("crash", (d) => writeFileSync(join(d, "nnCostFunction.mjs"), "process.exit(1);\n"));
    expect(crash.score).toBe(0);
    expect(crash.extra_data.status).not.toBe("graded");
  });

  it("a hostile submission with bubblewrap cannot read the rubric, forge the results or fork", () => {
    const results = grade("hostile with bubblewrap", (d) => {
      writeFileSync(join(d, "gradcheck.json"), JSON.stringify({ command: ["python3", "nn.py"] }));
      writeFileSync(join(d, "nn.py"), hostile);
    });
    expect(results.score).not.toBe(1000);
    expect(results.extra_data.version).toBeDefined();
    expect(existsSync(leak) ? readFileSync(leak, "utf8") : "").not.toContain("assignment");
    // J is the bit mask of what worked (1 read the rubric, 2 forged results, 4 forked): 0 means contained.
    const cost = results.tests.find((t: { name: string }) => t.name === "Cost J at λ = 0, one hidden layer").output;
    expect(cost).toMatch(/J = 0, expected/);
  });

  it("where bubblewrap cannot run, the submission is not run at all, and results.json says why", () => {
    const results = grade(
      "hostile without bubblewrap",
      (d) => {
        writeFileSync(join(d, "gradcheck.json"), JSON.stringify({ command: ["python3", "nn.py"] }));
        writeFileSync(join(d, "nn.py"), hostile);
      },
      { PATH: `${noBwrap}:${process.env.PATH}` },
    );
    expect(results.score).toBe(0);
    expect(existsSync(leak) ? readFileSync(leak, "utf8") : "").toBe("");
    expect(JSON.stringify(results.tests)).toMatch(/without a sandbox/);
  });
});
