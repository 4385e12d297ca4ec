import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkImplementation, defaultSeed } from "../../src/judge/checkImplementation.ts";
import { referenceNnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation, sandboxAbilities, type CostRequest } from "../../src/sandbox/index.ts";
import { requireSystem } from "../helpers/requireSystem.ts";
import {
  answerLoop,
  check,
  cleanWorkspace,
  makeWorkspace,
  leftoversOf,
  processesMentioning,
  pythonSubmission,
  record,
  secret,
  submission,
  type Run,
} from "../helpers/hostileRun.ts";

/** Per test: several full checks each, on a loaded machine; a bound against hangs, not a speed goal. */
const generous = 900_000;
const sandboxed = requireSystem("the bubblewrap sandbox", sandboxAbilities().bwrap, "apt-get install bubblewrap");

function answered(run: Run): void {
  expect(run.stdout + run.stderr).not.toContain(secret);
  expect(run.json, `not JSON: ${run.stdout.slice(0, 300)} ${run.stderr.slice(0, 300)}`).toBeDefined();
  expect(leftoversOf(run.pid)).toEqual([]);
}
const problems = (run: Run): string[] =>
  [run.json?.problem, ...(run.json?.findings ?? []).map((f: { problem: string }) => f.problem)].filter(Boolean);
const mkfifo = (path: string) => execFileSync("mkfifo", [path]);
const sleepMs = (ms: number) => `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});`;

beforeAll(makeWorkspace);
afterAll(cleanWorkspace);

describe.runIf(sandboxed)("hostile submissions: fake passes", () => {
  it(
    "3. wrong and slow, or right and too slow: the deadline is not a pass (module and Python)",
    async () => {
      const wrongSlow = submission("wrong-slow", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": `import { nnCostFunction as correct } from "./correct.mjs";
export function nnCostFunction(...args) { ${sleepMs(400)} const r = correct(...args); return { J: r.J, grad: Array.from(r.grad, (g) => g * 1.5) }; }\n`,
      });
      const rightSlow = submission("right-slow", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": `import { nnCostFunction as correct } from "./correct.mjs";
export function nnCostFunction(...args) { ${sleepMs(400)} return correct(...args); }\n`,
      });
      const pythonSlow = pythonSubmission("python-slow", answerLoop("import time\ntime.sleep(0.4)"));
      for (const [dir, what] of [
        [wrongSlow, "wrong, 0.4 s a call"],
        [rightSlow, "right, 0.4 s a call"],
        [pythonSlow, "Python, right, 0.4 s a call"],
      ] as const) {
        const run = await check(dir, ["--deadline", "3", "--runs", "100"]);
        record(`3 slow (${what})`, run);
        answered(run);
        expect(run.code).toBe(1);
        if (what.includes("right")) expect(run.json!.message).toMatch(/too slow: checked \d+ of 100 networks/);
      }
    },
    generous,
  );

  it(
    "4. a lookup table recorded for the public default seed fails on a fresh seed",
    async () => {
      const table: Record<string, { J: number; grad: number[] }> = {};
      const keyOf = (r: CostRequest) => JSON.stringify([r.params, r.layerSizes, r.X, r.y, r.lambda]);
      const recorder = inProcessImplementation(async (params, layerSizes, X, y, lambda) => {
        const r = await referenceNnCostFunction(params, layerSizes, X, y, lambda);
        table[keyOf({ params: Array.from(params), layerSizes, X, y, lambda })] = { J: r.J, grad: Array.from(r.grad) };
        return r;
      }, "recorder");
      expect((await checkImplementation(recorder, { seed: defaultSeed, runs: 10 })).passed).toBe(true);
      const dir = submission("lookup-table", {
        "table.json": JSON.stringify(table),
        "nnCostFunction.mjs": `import fs from "node:fs";
const table = JSON.parse(fs.readFileSync(new URL("./table.json", import.meta.url), "utf8"));
export function nnCostFunction(params, layerSizes, X, y, lambda) {
  return table[JSON.stringify([Array.from(params), layerSizes, X, y, lambda])] ?? { J: 0, grad: Array.from(params, () => 0) };
}\n`,
      });
      const run = await check(dir, ["--seed", "7"]);
      record("4 lookup table for the default seed, fresh seed", run);
      answered(run);
      expect(run.code).toBe(1);
    },
    generous,
  );

  it(
    "5. a wrong answer only on the fixed first case fails",
    async () => {
      const dir = submission("probe-only", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": `import { nnCostFunction as correct } from "./correct.mjs";
export function nnCostFunction(params, layerSizes, X, y, lambda) {
  const r = correct(params, layerSizes, X, y, lambda);
  const probe = layerSizes.join() === "3,4,3" && X.length === 5 && X[0][1] === 1.2;
  return probe ? { J: r.J + 1, grad: r.grad } : r;
}\n`,
      });
      const run = await check(dir);
      record("5 wrong only on the probe case", run);
      answered(run);
      expect(run.code).toBe(1);
      expect(problems(run)).toContain("cost-mismatch");
    },
    generous,
  );
});

describe.runIf(sandboxed)("hostile submissions: the checker always answers", () => {
  it(
    "13. gradcheck.json as /dev/zero or a FIFO; a FIFO as the .ts entry or as a .ts import: exit 2, no hang",
    async () => {
      const zero = submission("config-zero", {});
      symlinkSync("/dev/zero", join(zero, "gradcheck.json"));
      const fifoConfig = submission("config-fifo", {});
      mkfifo(join(fifoConfig, "gradcheck.json"));
      const fifoEntry = submission("entry-fifo", {});
      mkfifo(join(fifoEntry, "nnCostFunction.ts"));
      const fifoImport = submission("import-fifo", { "nnCostFunction.ts": `export { nnCostFunction } from "./helper.ts";\n` });
      mkfifo(join(fifoImport, "helper.ts"));
      for (const [dir, what, problem] of [
        [zero, "gradcheck.json -> /dev/zero", "bad-config"],
        [fifoConfig, "gradcheck.json a FIFO", "bad-config"],
        [fifoEntry, "FIFO .ts entry", "no-entry"],
        [fifoImport, "FIFO .ts import", "import-failed"],
      ] as const) {
        const run = await check(dir);
        record(`13 ${what}`, run);
        answered(run);
        expect(run.code).toBe(2);
        expect(run.json!.problem).toBe(problem);
      }
    },
    generous,
  );

  it(
    "14. a deeply nested command, a NUL in an argument, 40,000 arguments: exit 2 with JSON",
    async () => {
      const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
      const configs: Array<[string, string]> = [
        ["10^6-deep command", `{"command": ${deep}}`],
        ["10^4-deep command", `{"command": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`],
        ["NUL in an argument", JSON.stringify({ command: ["python3", "nn\u0000.py"] })],
        ["40,000 arguments", JSON.stringify({ command: ["python3", ...Array.from({ length: 40_000 }, () => "x")] })],
      ];
      for (const [what, text] of configs) {
        const run = await check(submission(`config-${what.replace(/\W+/g, "-")}`, { "gradcheck.json": text }));
        record(`14 ${what}`, run);
        answered(run);
        expect(run.code).toBe(2);
        expect(run.json!.problem).toBe("bad-config");
      }
    },
    generous,
  );

  it(
    "15. staging: a 4 GB sparse file and too many files are refused by limit; a FIFO is skipped",
    async () => {
      const sparse = submission("sparse", { "nnCostFunction.mjs": "@correct.mjs" });
      execFileSync("truncate", ["-s", "4G", join(sparse, "big.bin")]);
      const many = submission("many-files", { "nnCostFunction.mjs": "@correct.mjs" });
      mkdirSync(join(many, "junk"));
      for (let i = 0; i < 5100; i++) writeFileSync(join(many, "junk", `f${i}`), "");
      const fifo = submission("fifo-in-folder", { "nnCostFunction.mjs": "@correct.mjs" });
      mkfifo(join(fifo, "pipe"));
      for (const [dir, what, code] of [
        [sparse, "4 GB sparse file", 2],
        [many, "5,100 files", 2],
        [fifo, "FIFO in the folder", 0],
      ] as const) {
        const run = await check(dir);
        record(`15 ${what}`, run);
        answered(run);
        expect(run.code).toBe(code);
        if (code === 2) expect(run.json!.problem).toBe("too-large");
        else expect(run.json!.warnings.join(" ")).toMatch(/pipe \(FIFO\)/);
      }
    },
    generous,
  );

  it(
    "16. a process that hangs on some inputs: a timeout with its stderr, and the restarted process answers",
    async () => {
      // m >= 6: not the fixed first case (m = 5), so the search finds it and shrinks it.
      const dir = pythonSubmission(
        "hangs-some",
        answerLoop(`if len(req["X"]) >= 6:
    print("about to hang on m =", len(req["X"]), file=sys.stderr, flush=True)
    import time
    time.sleep(600)`),
      );
      const run = await check(dir, ["--timeout", "1500"]);
      record("16 Python hangs on m >= 6", run);
      answered(run);
      expect(run.code).toBe(1);
      const timeout = run.json!.findings.find((f: { problem: string }) => f.problem === "timeout");
      expect(timeout?.message).toMatch(/no answer within \d+ ms[\s\S]*about to hang on m = \d+/);
      expect(run.json!.counterexample.X.length).toBeGreaterThanOrEqual(6);
    },
    generous,
  );

  it(
    "17. a module that hangs only on larger networks: one deadline bounds search and shrinking",
    async () => {
      // m >= 6: larger than the fixed first case (m = 5), which a hang would make never-answered
      const dir = submission("hangs-large", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": `import { nnCostFunction as correct } from "./correct.mjs";
export function nnCostFunction(params, layerSizes, X, ...rest) { if (X.length >= 6) for (;;); return correct(params, layerSizes, X, ...rest); }\n`,
      });
      const run = await check(dir, ["--timeout", "1000", "--deadline", "25", "--runs", "100"]);
      record("17 hangs on larger networks", run);
      answered(run);
      expect(run.code).toBe(1);
      expect(problems(run)).toContain("timeout");
    },
    generous,
  );

  it(
    "18. SIGTERM or SIGKILL of the checker leaves no process; a later start removes a SIGKILLed run's folder",
    async () => {
      const dir = submission("slow-for-signals", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": `import { nnCostFunction as correct } from "./correct.mjs";
export function nnCostFunction(...args) { ${sleepMs(300)} return correct(...args); }\n`,
      });
      for (const signal of ["SIGTERM", "SIGKILL"] as const) {
        let pid = 0;
        const running = check(dir, ["--runs", "1000"], { onStart: (p) => (pid = p) });
        let staging: string | undefined;
        for (let i = 0; i < 600 && !staging; i++) {
          await new Promise((r) => setTimeout(r, 100));
          staging = leftoversOf(pid).find((p) => p.includes("gradcheck-staging-"));
        }
        expect(staging).toBeDefined();
        // The sandboxed child is running (seen once: it is restarted after each call's process dies).
        let seen: number[] = [];
        for (let i = 0; i < 600 && seen.length === 0; i++) {
          seen = processesMentioning(staging!);
          if (seen.length === 0) await new Promise((r) => setTimeout(r, 100));
        }
        expect(seen.length).toBeGreaterThan(0);
        process.kill(pid, signal);
        const run = await running;
        record(`18 checker ${signal}ed mid-check`, run);
        for (let i = 0; i < 100 && processesMentioning(staging!).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(processesMentioning(staging!)).toEqual([]);
        if (signal === "SIGTERM") {
          expect(run.code).toBe(143);
          expect(leftoversOf(pid)).toEqual([]);
        } else {
          expect(existsSync(staging!)).toBe(true);
          const later = await check(submission("later-start", { "README.txt": "nothing" }));
          expect(later.code).toBe(2);
          expect(existsSync(staging!)).toBe(false);
          expect(leftoversOf(pid)).toEqual([]);
        }
      }
    },
    generous,
  );

  it(
    "19. escape sequences and Markdown in a submission's error are shown inert",
    async () => {
      const dir = submission("injection", {
        "nnCostFunction.mjs": `export function nnCostFunction() { throw new Error("\\u001b[2J\\u001b[H\\u001b[32m✓ passed\\n# PASSED\\n<script>alert(1)</script>\\r✓"); }\n`,
      });
      const reportDir = join(dir, "..", "injection-report");
      const run = await check(dir, ["--report", reportDir]);
      record("19 ANSI and Markdown injection", run);
      answered(run);
      expect(run.code).toBe(1);
      const markdown = readFileSync(join(reportDir, "check-report.md"), "utf8");
      expect(markdown).not.toMatch(/^#+ PASSED/m);
      expect(markdown).not.toContain("<script>");
      expect(markdown).not.toContain("\u001b");
      const terminal = await check(dir, [], { plain: true });
      expect(terminal.code).toBe(1);
      expect(terminal.stdout).toContain("\\x1b[2J");
      expect(terminal.stdout).not.toMatch(/[\u001b\r]/);
      expect(terminal.stdout).not.toMatch(/^✓ passed/m);
    },
    generous,
  );

  it(
    "20. -Infinity in an answer, NaN in an error message, a slow start-up: each read for what it is",
    async () => {
      const minusInf = pythonSubmission("minus-infinity", answerLoop(`grad[0] = float("-inf")`));
      const nanError = pythonSubmission(
        "nan-error",
        answerLoop(`print(json.dumps({"id": req["id"], "error": "NaN in layer 2, J = NaN"}), flush=True)
continue`),
      );
      const slowStart = pythonSubmission("slow-start", `import time\ntime.sleep(3)\n${answerLoop()}`);
      const runs: Array<[string, string, number, string | undefined]> = [
        [minusInf, "-Infinity in grad", 1, "non-finite"],
        [nanError, "NaN in an error string", 1, "threw"],
        [slowStart, "3 s start-up, 1 s limit", 0, undefined],
      ];
      for (const [dir, what, code, problem] of runs) {
        const run = await check(dir, ["--timeout", "1000"]);
        record(`20 ${what}`, run);
        answered(run);
        expect(run.code).toBe(code);
        if (problem) expect(problems(run)).toContain(problem);
        if (problem === "threw") expect(run.json!.findings[0].message).toBe("NaN in layer 2, J = NaN");
      }
    },
    generous,
  );
});
