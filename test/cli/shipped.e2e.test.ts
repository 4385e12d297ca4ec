import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliCommand } from "../helpers/cli.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

/**
 * The shipped command line, every verb and path a user has, run as a user runs it: the bin,
 * which loads the compiled dist/ with no loader (npm run test:e2e builds it first). What
 * reaches a user only through dist/ — worker threads, the module harness, the Octave adapter,
 * the seccomp filter, the built-in cases, the schema — is exercised here at least once.
 */
const root = new URL("../../", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-shipped-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const octave = systemFile("octave", "/usr/bin/octave-cli");
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

function gradcheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const [node, ...bin] = cliCommand;
  const r = spawnSync(node!, [...bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit status and everything printed, so a failed expectation shows why. */
const outcome = (r: ReturnType<typeof gradcheck>) => ({ status: r.status, printed: (r.stdout + r.stderr).slice(-3000) });

/** A case large enough that `eval` shares it among worker threads (see PARALLEL_MIN_WORK). */
function largeCase(): string {
  const layerSizes = [100, 60, 10];
  const m = 2000;
  let s = 12345;
  const r = () => ((s = (s * 16807) % 2147483647), s / 2147483647 - 0.5);
  const X = Array.from({ length: m }, () => Array.from({ length: layerSizes[0] }, r));
  const Y = X.map((_, i) => Array.from({ length: 10 }, (_, k) => (k === i % 10 ? 1 : 0)));
  const theta = [0, 1].map((l) => Array.from({ length: layerSizes[l + 1] }, () => Array.from({ length: layerSizes[l] + 1 }, r)));
  const file = join(scratch, "large.json");
  const c = { name: "large", layerSizes, hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy" };
  writeFileSync(file, JSON.stringify({ ...c, lambda: 1, X, Y, theta }));
  return file;
}

describe("gradcheck eval, as shipped", () => {
  const reference = "src/data/reference/small-017.json";
  const expected = JSON.parse(readFileSync(join(root, reference), "utf8")).expected;
  for (const method of ["backprop", "loop", "tape", "fd", "fd-bignumber"]) {
    it(`--method ${method} agrees with the reference case`, () => {
      const r = gradcheck("eval", "--method", method, reference);
      expect(outcome(r).status, outcome(r).printed).toBe(0);
      const line = JSON.parse(r.stdout);
      expect(line).toMatchObject({ name: "small-017", method });
      expect(Math.abs(line.J - expected.J)).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected.J)));
    });
  }

  it("--threads 2 starts the compiled worker threads and answers bit for bit as one thread", () => {
    const file = largeCase();
    const [one, two] = [gradcheck("eval", "--threads", "1", file), gradcheck("eval", "--threads", "2", file)];
    expect(outcome(two).status, outcome(two).printed).toBe(0);
    expect(one.status).toBe(0);
    expect({ ...JSON.parse(two.stdout), ms: 0 }).toEqual({ ...JSON.parse(one.stdout), ms: 0 });
  });

  it("an unknown command exits 2 with usage", () => {
    const r = gradcheck("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

/** Each kind of submission a user can hand `check`, with the flags the README gives it. */
const checks: Array<{ args: string[]; exit: number; needs?: typeof octave; mistakes?: string[] }> = [
  { args: ["examples/correct"], exit: 0 },
  { args: ["examples/missing-derivative"], exit: 1, mistakes: ["missing-activation-derivative"] },
  { args: ["examples/slide-lambda"], exit: 1, mistakes: ["lambda-not-divided-by-m"] },
  { args: ["examples/python-correct"], exit: 0, needs: numpy },
  { args: ["examples/wb-module", "--layout", "wb"], exit: 0 },
  { args: ["examples/wb-numpy", "--layout", "wb"], exit: 0, needs: numpy },
  { args: ["examples/ex4-octave", "--profile", "ex4"], exit: 0, needs: octave },
  { args: ["examples/families/softmax-relu", "--hidden-activation", "relu", "--output", "softmax-cross-entropy"], exit: 0 },
  { args: ["examples/families/squared-error-tanh", "--hidden-activation", "tanh", "--output", "sigmoid-squared-error"], exit: 0 },
  { args: ["examples/families/identity-squared-error-sigmoid", "--output", "identity-squared-error", "--lambda", "0,0.5"], exit: 0 },
  { args: ["examples/families/sigmoid-cross-entropy-tanh", "--hidden-activation", "tanh", "--hidden-layers", "1..2"], exit: 0 },
];

describe("gradcheck check, as shipped: every kind of entry, layout and family", () => {
  for (const c of checks) {
    (c.needs ? itWith(c.needs) : it)(`check ${c.args.join(" ")} exits ${c.exit}`, () => {
      const r = gradcheck("check", ...c.args, "--runs", "10", "--seed", "7", "--json", "--timeout", "20000");
      expect(outcome(r).status, outcome(r).printed).toBe(c.exit);
      const report = JSON.parse(r.stdout);
      expect(report.passed).toBe(c.exit === 0);
      if (c.mistakes) expect(report.mistakes).toEqual(c.mistakes);
    });
  }

  it("--report saves the counterexample, and --case replays it on the submission", () => {
    const dir = join(scratch, "rb");
    const first = gradcheck("check", "examples/regularized-bias", "--runs", "20", "--seed", "7", "--report", dir);
    expect(outcome(first).status, outcome(first).printed).toBe(1);
    const saved = join(dir, "counterexample.json");
    expect(existsSync(saved)).toBe(true);
    const replay = gradcheck("check", "examples/regularized-bias", "--case", saved);
    expect(outcome(replay).status, outcome(replay).printed).toBe(1);
    const own = gradcheck("eval", saved);
    expect(outcome(own).status, outcome(own).printed).toBe(0);
  });
});

describe("gradcheck grade, gradescope, train and the tour, as shipped", () => {
  it("grade examples/class lists every student in every output", () => {
    const out = join(scratch, "grades");
    const r = gradcheck("grade", "examples/class", "--out", out, "--seed", "2024", "--jobs", "2", "--timeout", "2000");
    expect(outcome(r).status, outcome(r).printed).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const students = readdirSync(join(root, "examples/class")).map((n) => n.replace(/\.zip$/, ""));
    expect(summary.submissions.map((s: { id: string }) => s.id).sort()).toEqual(students.sort());
    for (const id of students) expect(existsSync(join(out, id, "results.json"))).toBe(true);
    const alice = summary.submissions.find((s: { id: string }) => s.id === "alice");
    expect(alice).toMatchObject({ status: "graded", score: 1 });
  });

  it("gradescope builds an autograder zip that carries the compiled harness, adapter and filter", () => {
    const zip = join(scratch, "autograder.zip");
    const r = gradcheck("gradescope", "--seed", "7", "--out", zip);
    expect(outcome(r).status, outcome(r).printed).toBe(0);
    const listing = spawnSync("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", zip], {
      encoding: "utf8",
    }).stdout;
    for (const asset of ["moduleHarness.mjs", "octave/gradcheck_adapter.m", "noForkFilter.bpf", "run_autograder", "setup.sh"])
      expect(listing).toContain(asset);
    // the compiled build only: no sources, no tests
    expect(listing).not.toMatch(/^gradcheck\/(src|test)\//m);
  });

  it("train runs a small budget and checks its gradient on the way", () => {
    const r = gradcheck("train", "--hidden", "5", "--iterations", "3", "--seed", "1");
    expect(outcome(r).status, outcome(r).printed).toBe(0);
    expect(r.stdout).toMatch(/accuracy/i);
  });

  it("the tour runs to the end", () => {
    const r = gradcheck("tour", "--report", join(scratch, "tour"));
    expect(outcome(r).status, outcome(r).printed).toBe(0);
    expect(existsSync(join(scratch, "tour", "report.html"))).toBe(true);
  });
});
