import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/checkCommand.ts";
import { evalCommand } from "../../src/cli/evalCommand.ts";
import { main } from "../../src/cli/main.ts";
import { cliCommand } from "../helpers/cli.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { submissionFixture } from "../helpers/submissionFixture.ts";

const root = new URL("../../", import.meta.url).pathname;
const fixture = submissionFixture;
const example = (name: string) => join(root, "examples", name);

async function check(...words: string[]): Promise<{ code: number; lines: string[]; json?: any }> {
  const lines: string[] = [];
  const code = await checkCommand(words, (l) => lines.push(l));
  return { code, lines, json: words.includes("--json") ? JSON.parse(lines.join("\n")) : undefined };
}

describe("gradcheck check", () => {
  it("exits 0 on a correct module and prints the seed, the number of networks and how to replay", async () => {
    const { code, lines } = await check(example("correct"), "--runs", "25", "--seed", "7");
    expect(code).toBe(0);
    const text = lines.join("\n");
    expect(text).toMatch(/seed 7/);
    expect(text).toMatch(/passed on 25 random networks/);
    expect(text).toMatch(/replay: npx gradcheck check \S*examples\/correct --seed 7 --runs 25/);
  });

  it("--report on a pass writes the JSON and the Markdown, and no counterexample", async () => {
    const dir = tempFolder("pass-report");
    expect((await check(example("python-correct"), "--runs", "10", "--report", dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "check-report.json"), "utf8"))).toMatchObject({
      passed: true,
      mistakes: [],
      counterexample: null,
      exitCode: 0,
    });
    expect(readFileSync(join(dir, "check-report.md"), "utf8")).toMatch(/^# gradcheck check: passed/);
    expect(existsSync(join(dir, "counterexample.json"))).toBe(false);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('gradcheck check: <span class="pass">passed</span>');
    expect(html).toContain("What agreement looks like");
    expect(html).toContain('data-chart="check-a-heatmap-layer1"');
  });

  it("--json has the contract's fields; a consistent bug (bias regularised in J and ∇J) still fails (a) but passes (b)", async () => {
    const { code, json } = await check(example("regularized-bias"), "--runs", "25", "--json");
    expect(code).toBe(1);
    expect(json).toMatchObject({
      passed: false,
      mistakes: ["regularized-bias"],
      unrecognised: false,
      seed: 20240601,
      checks: { matchesReference: false, selfConsistent: true, a: false, b: true },
    });
    expect(json.counterexample).toMatchObject({
      layerSizes: [1, 1],
      hiddenActivation: "sigmoid",
      outputActivation: "sigmoid",
      cost: "cross-entropy",
    });
    expect(json.counterexample.lambda).toBeGreaterThan(0);
  });

  it("the counterexample replays with eval (gradcheck's answer) and with check --case (the submission's)", async () => {
    const dir = tempFolder("check-report");
    const { code, lines } = await check(example("slide-lambda"), "--runs", "25", "--report", dir);
    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(/diagnosis: lambda-not-divided-by-m/);
    expect(lines.at(-1)).toBe(`report with plots: ${join(dir, "report.html")}`);
    const md = readFileSync(join(dir, "check-report.md"), "utf8");
    expect(md).toMatch(/lambda-not-divided-by-m/);
    expect(md).toMatch(/## Minimal counterexample/);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    for (const chart of ["check-a-heatmap-layer1", "check-b-heatmap-layer1", "check-a-scatter", "sweep-0"])
      expect(html).toContain(`data-chart="${chart}"`);
    expect(html).toMatch(/called the submission \d+ more times/);
    const json = JSON.parse(readFileSync(join(dir, "check-report.json"), "utf8"));
    expect(json.passed).toBe(false);
    const file = join(dir, "counterexample.json");
    const ce = JSON.parse(readFileSync(file, "utf8"));
    expect(ce.X.length).toBe(2);
    const replay: any[] = [];
    expect(await evalCommand([file], (l) => replay.push(JSON.parse(l)))).toBe(0);
    expect(replay[0].J).toBeCloseTo(ce.expected.J, 12);
    expect(replay[0].grad).toEqual(ce.expected.grad);
    expect(ce.submitted.grad).not.toEqual(ce.expected.grad);
    expect(lines.join("\n")).toContain(`replay it on the submission with: npx gradcheck check ${example("slide-lambda")} --case ${file}`);

    // --case replays the saved counterexample on the submission: wrong there, right on a correct one.
    const wrong = await check(example("slide-lambda"), "--case", file);
    expect(wrong.code).toBe(1);
    const text = wrong.lines.join("\n");
    expect(text, text).toMatch(/^ {2}J: gradcheck \S+, submission \S+$/m);
    expect(text, text).toMatch(/Gradient differs from gradcheck's/);
    expect(text, text).toMatch(/^ +Θ⁽¹⁾\[1,1\] /m);
    expect(wrong.lines.at(-1)).toBe("✗ wrong on this case");
    const right = await check(example("correct"), "--case", file);
    expect(right.code).toBe(0);
    expect(right.lines.at(-1)).toBe("✓ right on this case");
  });

  it("--case with a case that cannot be used says why, exit 2", async () => {
    const dir = tempFolder("case");
    writeFileSync(join(dir, "nolabels.json"), readFileSync(join(root, "src/data/reference/small-001.json"), "utf8"));
    const r = await check(example("correct"), "--case", join(dir, "nolabels.json"));
    expect(r.code).toBe(2);
    expect(r.lines.join("\n")).toMatch(/nolabels\.json: labels: missing/);
    expect((await check(example("correct"), "--case", join(dir, "absent.json"))).lines.join("\n")).toMatch(
      /absent\.json: cannot be read \(ENOENT\)/,
    );
  });

  it("--junit writes JUnit XML with (a) and (b) as test cases, and --format github prints ::error annotations", async () => {
    const dir = tempFolder("junit");
    const junit = join(dir, "out/check.xml");
    const { code, lines } = await check(example("regularized-bias"), "--runs", "20", "--junit", junit, "--format", "github");
    expect(code).toBe(1);
    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml).toMatch(/<testsuite name="gradcheck check [^"]*regularized-bias" tests="2" failures="1" errors="0" skipped="0">/);
    expect(xml).toMatch(
      /<testcase classname="gradcheck\.check" name="\(a\) J and ∂J\/∂Θ agree with gradcheck's">\s*<failure message="[^"]*diagnosis: regularized-bias/,
    );
    expect(xml).toMatch(/<testcase classname="gradcheck\.check" name="\(b\)[^"]*"\/>/);
    const annotations = lines.filter((l) => l.startsWith("::"));
    expect(annotations.length).toBeGreaterThanOrEqual(2);
    for (const a of annotations) expect(a).toMatch(/^::error file=[^,:]*regularized-bias,title=gradcheck[^:]*::[^\n]+$/);
    expect(annotations.at(-1)).toMatch(/title=gradcheck diagnosis%3A regularized-bias::The bias column is regularised/);

    const passed = await check(example("correct"), "--runs", "5", "--junit", junit, "--format", "github");
    expect(passed.lines[0]).toMatch(/^::notice file=\S*correct,title=gradcheck check passed::passed on 5 random networks/);
    expect(readFileSync(junit, "utf8")).toMatch(/tests="2" failures="0" errors="0"/);
    const unloadable = await check(fixture("no-export"), "--junit", junit);
    expect(unloadable.code).toBe(2);
    expect(readFileSync(junit, "utf8")).toMatch(/<error message="No exported nnCostFunction: [^"]*" type="no-export">/);
  });

  it("checks TypeScript and CommonJS default exports, and Python process submissions", async () => {
    expect((await check(example("missing-derivative"), "--runs", "20", "--json")).json).toMatchObject({
      passed: false,
      mistakes: ["missing-activation-derivative"],
      checks: { a: false, b: false },
    });
    expect((await check(fixture("default-object-cjs"), "--runs", "10")).code).toBe(0);
    expect((await check(example("python-correct"), "--runs", "20")).code).toBe(0);
    expect((await check(example("python-labels"), "--runs", "20", "--json")).json).toMatchObject({
      passed: false,
      mistakes: ["labels-not-one-hot"],
    });
  });

  const cases: Array<[string, string, number, RegExp]> = [
    ["path not found", "does-not-exist", 2, /Submission not found[\s\S]*no such file or folder/],
    ["no entry file", "no-entry", 2, /No entry file/],
    ["unreadable gradcheck.json", "bad-config", 2, /"command" must be a non-empty array of strings, got a string/],
    ["no exported nnCostFunction", "no-export", 2, /No exported nnCostFunction[\s\S]*exports: costFunction, default/],
    ["syntax error", "syntax-error", 2, /Syntax error[\s\S]*SyntaxError/],
    ["process command that does not exist", "missing-command", 2, /gradcheck\.json: command\[0\] not found \(looked on the sandbox's PATH/],
    [
      "process that never starts (Python syntax error)",
      "python-syntax-error",
      2,
      /Never answered[\s\S]*before answering its first request[\s\S]*SyntaxError/,
    ],
    ["non-number J", "non-number-j", 2, /J is a string \(0\.5\), expected a number/],
    ["gradient of the wrong length", "wrong-length", 2, /grad has 30 entries, expected 31/],
    ["gradient as one array per layer", "nested-grad", 2, /grad\[0\] is an array: grad must be unrolled/],
    ["NaN on some inputs", "nan", 1, /minimal counterexample[\s\S]*NaN or infinite result: J is NaN/],
    [
      "throws on some inputs",
      "throws-some",
      1,
      /layerSizes \[1,1,1\], m = 1[\s\S]*Threw an error: Error: hidden layers are not supported yet/,
    ],
    // A spinner is stopped by the CPU-time limit; on a machine too busy to give it that much CPU,
    // by the wall clock.
    [
      "timeout on some inputs",
      "timeout-some",
      1,
      /layerSizes \[1,1\], m = 6[\s\S]*Timed out: (used more than 400 ms of CPU time on one call|no answer within 400 ms)/,
    ],
    ["process.exit during a call", "exits", 1, /Crashed during a call: the process exited with code 0/],
    ["monkeypatched globals do not fake a pass", "monkeypatch", 1, /Cost J differs from gradcheck's/],
    ["forged answers do not fake a pass", "forge", 1, /Gradient differs from gradcheck's/],
    ["stdout noise changes nothing", "noise", 0, /passed on 20 random networks/],
    ["different answers to the same input", "flaky", 1, /Different answers to the same input/],
    ["mutating inputs passes with a warning", "mutates", 0, /Inputs were modified: params, X/],
  ];
  it.each(cases)("%s (%s): clear message, exit %i", async (_what, name, exit, message) => {
    // Only the hanging fixture gets a short call limit: under load, a process that fails on its
    // own (a Python syntax error) can take longer than that to say so.
    const timeout = name === "timeout-some" ? "400" : "20000";
    const { code, lines } = await check(
      name === "does-not-exist" ? join(root, "no/such/folder") : fixture(name),
      "--runs",
      "20",
      "--timeout",
      timeout,
    );
    expect(lines.join("\n")).toMatch(message);
    expect(code).toBe(exit);
  });

  it("through the real CLI: exit codes 0, 1, 2 and a usage error", () => {
    const run = (...args: string[]) => spawnSync(cliCommand[0]!, [...cliCommand.slice(1), "check", ...args], { encoding: "utf8" });
    expect(run(example("correct"), "--runs", "5").status).toBe(0);
    const wrong = run(example("regularized-bias"), "--runs", "5", "--json");
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ passed: false, mistakes: ["regularized-bias"] });
    expect(run(fixture("no-export")).status).toBe(2);
  }, 240_000); // three whole runs of the CLI, each starting Node and its sandboxed children

  it("a wrong command line is a usage error, exit 2", async () => {
    const stderr: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (stderr.push(s), true)) as typeof process.stderr.write;
    try {
      expect(await main(["check"])).toBe(2);
      expect(await main(["check", example("correct"), "--runs", "zero"])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join("")).toMatch(/check needs exactly one SUBMISSION[\s\S]*--runs expects an integer ≥ 1/);
  });

  it("a file path to the entry works as well as its folder", async () => {
    const dir = tempFolder("entry");
    writeFileSync(join(dir, "nnCostFunction.mjs"), readFileSync(example("correct/nnCostFunction.mjs"), "utf8"));
    expect((await check(join(dir, "nnCostFunction.mjs"), "--runs", "5")).code).toBe(0);
  });
});
