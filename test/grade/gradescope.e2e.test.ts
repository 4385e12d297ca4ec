import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAutograder } from "../../src/grade/buildAutograder.ts";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { unpackZip } from "../../src/grade/unpackZip.ts";
import { requireSystem } from "../helpers/requireSystem.ts";
import { gradescopeProblems } from "../helpers/gradescopeFormat.ts";

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
/** Written only into the autograder's rubric.json (its name appears in no output): found anywhere else, it leaked. */
const secret = `rubric-secret-${randomBytes(8).toString("hex")}`;

/**
 * A process submission that tries to read the rubric and the seed, forge the results, fork and
 * kill its parent (the grader). J reports what worked; a rubric it could read is sent back as
 * its error message, so it would appear in results.json.
 */
const hostile = `import json, os, signal, sys
bits = 0
leaked = None
try:
    leaked = open(${JSON.stringify(join(root, "source/rubric.json"))}).read()
    open(${JSON.stringify(leak)}, "w").write(leaked)
    bits |= 1
except Exception: pass
try:
    open(${JSON.stringify(join(root, "source/seed"))}).read()
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
try:
    if os.getppid() > 1:
        os.kill(os.getppid(), signal.SIGKILL)
        bits |= 8
except Exception: pass
for line in sys.stdin:
    r = json.loads(line)
    n = len(r["params"])
    answer = {"id": r["id"], "error": leaked} if leaked else {"id": r["id"], "J": float(bits), "grad": [0.0] * n}
    print(json.dumps(answer), flush=True)
`;

const hostileSubmission = (d: string) => {
  writeFileSync(join(d, "gradcheck.json"), JSON.stringify({ command: ["python3", "nn.py"] }));
  writeFileSync(join(d, "nn.py"), hostile);
};

/** J of the hostile submission as the cost test reports it: 0 means every attempt failed. */
const hostileBits = (results: { tests: { name: string; output: string }[] }) =>
  results.tests.find((t) => t.name === "Cost J at λ = 0, one hidden layer")?.output;

/** The hidden, staff-only test that lists what the containment lacked, or undefined. */
const staffOnly = (results: { tests: { name: string; visibility: string; max_score: number; output: string }[] }) =>
  results.tests.find((t) => t.name === "Sandbox protections missing (staff only)");

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

const asRoot = requireSystem(
  "root (where bubblewrap cannot run, the autograder's separate-user fallback runs the submission as an unused uid, as on Gradescope)",
  process.getuid?.() === 0,
  "run the tests as root",
);

describe("gradcheck gradescope: the autograder zip, unpacked where the repository is not visible", { timeout: 900_000 }, () => {
  beforeAll(async () => {
    const zip = join(scratch, "autograder.zip");
    const built = await buildAutograder(zip, { ...defaultRubric, name: `${defaultRubric.name} ${secret}` }, 17, 3000);
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

  it("grades a Python process and an Octave function from the unpacked zip (the adapter travels in it)", () => {
    const python = grade("python", (d) => cpSync(join(repo, "examples/python-correct"), d, { recursive: true }));
    expect(python.extra_data.status).toBe("graded");
    expect(python.score).toBe(100);
    const octave = grade("octave", (d) => cpSync(join(repo, "examples/ex4-octave"), d, { recursive: true }));
    expect(octave.extra_data.status, octave.output).toBe("graded");
    // The classic exercise's signature has one hidden layer; its one-hidden-layer cost test passes.
    expect(octave.tests.find((t: { name: string }) => t.name === "Cost J at λ = 0, one hidden layer")).toMatchObject({ status: "passed" });
  });

  it("a hostile submission with bubblewrap cannot read the rubric or seed, forge the results, fork or kill the grader", () => {
    const results = grade("hostile with bubblewrap", hostileSubmission);
    expect(results.score).not.toBe(1000);
    expect(results.extra_data.version).toBeDefined();
    expect(existsSync(leak) ? readFileSync(leak, "utf8") : "").not.toContain(secret);
    expect(JSON.stringify(results)).not.toContain(secret);
    // J is the bit mask of what worked (1 read the rubric or seed, 2 forged results, 4 forked, 8 killed the grader): 0 means contained.
    expect(hostileBits(results)).toMatch(/J = 0, expected/);
  });

  // Where bubblewrap cannot build the sandbox (a bwrap that fails as under Docker is first on the
  // PATH), run_autograder falls back to running the submission as an unused uid: that needs root.
  const withoutBwrap = { PATH: `${noBwrap}:${process.env.PATH}` };

  it.runIf(asRoot)(
    "without bubblewrap: grades a correct and a buggy submission as with the sandbox, and tells only staff what is missing",
    () => {
      const correct = grade(
        "correct without bubblewrap",
        (d) => cpSync(join(repo, "examples/correct"), d, { recursive: true }),
        withoutBwrap,
      );
      expect(correct.score).toBe(100);
      const gaps = staffOnly(correct);
      expect(gaps).toMatchObject({ visibility: "hidden", max_score: 0, score: 0 });
      for (const missing of ["reduced containment (separate user)", "no network", "no private filesystem view", "no private process view"])
        expect(gaps!.output).toContain(missing);
      expect(correct.output).not.toMatch(/separate user|network/);
      const buggy = grade(
        "buggy without bubblewrap",
        (d) => cpSync(join(repo, "examples/class/bob"), d, { recursive: true }),
        withoutBwrap,
      );
      expect(buggy.score).toBe(90);
      expect(buggy.extra_data.mistakes).toEqual(["lambda-not-divided-by-m"]);
      expect(staffOnly(buggy)?.visibility).toBe("hidden");
    },
  );

  it.runIf(asRoot)(
    "without bubblewrap: a hostile submission cannot read the rubric or seed, forge the results, fork or kill the grader",
    () => {
      rmSync(leak, { force: true });
      const results = grade("hostile without bubblewrap", hostileSubmission, withoutBwrap);
      // gradcheck's own results.json, not the submission's nor run_autograder's last resort
      expect(results.extra_data).toMatchObject({ seed: 17, status: "graded" });
      expect(results.score).not.toBe(1000);
      expect(hostileBits(results)).toMatch(/J = 0, expected/);
      expect(JSON.stringify(results)).not.toContain(secret);
      expect(existsSync(leak) ? readFileSync(leak, "utf8") : "").not.toContain(secret);
      expect(staffOnly(results)?.output).toMatch(/no network (isolation|namespace)/);
    },
  );
});
