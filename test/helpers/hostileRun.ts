import { spawn, type StdioOptions } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const project = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(project, "bin/gradcheck.mjs");
const correct = join(project, "examples/correct/nnCostFunction.mjs");
const pythonCorrect = join(project, "examples/python-correct/nn.py");

/** A decoy secret the attacks try to read: it must never appear in any output. */
export const secret = `DECOY-${process.pid}-${Date.now().toString(36)}-do-not-print`;
export const workspace = join(tmpdir(), `gradcheck-hostile-${process.pid}-${randomBytes(6).toString("hex")}`);
export const secretFile = join(workspace, "SECRET.txt");

/**
 * Makes the workspace and its decoy: each hostile file calls it in a beforeAll, beside
 * afterAll(cleanWorkspace). A file whose tests are all skipped (no bubblewrap here, or a -t
 * filter) runs neither hook, so it leaves nothing behind.
 */
export function makeWorkspace(): void {
  mkdirSync(join(workspace, "submissions"), { recursive: true, mode: 0o700 });
  writeFileSync(secretFile, secret + "\n");
}

/**
 * Writes a submission folder: `files` maps a relative path to its text. "correct.mjs" and
 * "correct.py" may be asked for by name (copies of the shipped correct examples).
 */
export function submission(name: string, files: Record<string, string>): string {
  const dir = join(workspace, "submissions", name);
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (text === "@correct.mjs") cpSync(correct, join(dir, path));
    else if (text === "@correct.py") cpSync(pythonCorrect, join(dir, path));
    else writeFileSync(join(dir, path), text);
  }
  return dir;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly json: Record<string, any> | undefined;
  readonly ms: number;
  readonly pid: number;
}

/** Runs `gradcheck check DIR --json ...` as a user would; `stdio` adds inherited descriptors. */
export function check(
  dir: string,
  args: readonly string[] = [],
  options: { stdio?: StdioOptions; onStart?: (pid: number) => void; plain?: boolean } = {},
): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, "check", dir, ...(options.plain ? [] : ["--json"]), "--runs", "10", "--deadline", "90", ...args],
      {
        cwd: project,
        env: { ...process.env, GRADCHECK_DECOY: secret },
        stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
      },
    );
    options.onStart?.(child.pid!);
    let stdout = "",
      stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      let json: Record<string, any> | undefined;
      try {
        json = JSON.parse(stdout.trim().split("\n").pop() ?? "");
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json, ms: Date.now() - started, pid: child.pid! });
    });
  });
}

/** Staging folders (and cgroups) owned by a given checker pid that still exist. */
export function leftoversOf(pid: number): string[] {
  const left: string[] = [];
  for (const n of readdirSync(tmpdir()).filter((x) => x.startsWith("gradcheck-staging-"))) {
    try {
      if (readFileSync(join(tmpdir(), n, "owner"), "utf8").split(" ")[0] === String(pid)) left.push(join(tmpdir(), n));
    } catch {
      // being removed right now
    }
  }
  for (const root of ["/sys/fs/cgroup/memory", "/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup"]) {
    if (!existsSync(root)) continue;
    for (const n of readdirSync(root)) if (n.startsWith(`gradcheck-${pid}-`)) left.push(join(root, n));
  }
  return left;
}

/** Processes whose command line mentions `needle` (e.g. a staging folder). */
export function processesMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const p of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      if (readFileSync(`/proc/${p}/cmdline`, "utf8").includes(needle)) found.push(Number(p));
    } catch {
      // gone
    }
  }
  return found;
}

/** One row of the closing table: printed, never asserted (the machine is shared). */
export const timings: Array<{ attack: string; verdict: string; ms: number }> = [];
export function record(attack: string, run: Run): void {
  const verdict = run.json
    ? `exit ${run.code}: ${run.json.passed ? "passed" : (run.json.problem ?? run.json.findings?.[0]?.problem ?? "failed")}`
    : `exit ${run.code}`;
  timings.push({ attack, verdict, ms: run.ms });
}

export function cleanWorkspace(): void {
  rmSync(workspace, { recursive: true, force: true });
  if (timings.length) console.log(timings.map((t) => `| ${t.attack} | ${t.verdict} | ${(t.ms / 1000).toFixed(1)} s |`).join("\n"));
}

/** A Python process submission: the shipped correct cost function, with `loop` as its main loop. */
export function pythonSubmission(name: string, loop: string, extra: Record<string, string> = {}): string {
  const text = readFileSync(pythonCorrect, "utf8");
  const body = text.slice(0, text.indexOf("for line in sys.stdin:"));
  return submission(name, { "gradcheck.json": JSON.stringify({ command: ["python3", "nn.py"] }), "nn.py": `${body}\n${loop}\n`, ...extra });
}

/** The usual answering loop; `before` runs on each request (req, with J and grad computed) before the answer is printed. */
export const answerLoop = (before = "") => `
for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    J, grad = nn_cost_function(req["params"], req["layerSizes"], req["X"], req["y"], req["lambda"])
${before
  .split("\n")
  .map((l) => "    " + l)
  .join("\n")}
    print(json.dumps({"id": req["id"], "J": J, "grad": grad}), flush=True)
`;
