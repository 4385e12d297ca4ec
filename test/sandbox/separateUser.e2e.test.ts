import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSubmission, sandboxAbilities, type Implementation, type SandboxAbilities } from "../../src/sandbox/index.ts";
import { seccompLoaderWorks } from "../../src/sandbox/sandbox.ts";
import { separateUserArgv, separateUserGaps, separateUserTasks } from "../../src/sandbox/separateUser.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { submissionFixture } from "../helpers/submissionFixture.ts";
import { requireSystem } from "../helpers/requireSystem.ts";

const tiny = { params: [0.1, 0.2], layerSizes: [1, 1], X: [[0.5]], y: [1], lambda: 0 };
const withSeccomp: SandboxAbilities = { bwrap: false, dropUser: true, cgroup: "v1", seccompWithoutBwrap: true };

describe("the separate-user fallback's command line and its stated gaps", () => {
  const argv = separateUserArgv(["python3", "nn.py"], ["/cg/memory/x/cgroup.procs"], withSeccomp, 424242);

  it("joins the cgroup and closes descriptors as root, caps the uid's tasks, drops to the uid, then installs the filter", () => {
    expect(argv.slice(0, 4)).toEqual(["bash", "--norc", "--noprofile", "-c"]);
    expect(argv[4]).toMatch(/-gt 4 \] && \[ -e \/proc\/\$\$\/fd\/\$fd \]; then exec \{fd\}>&-/);
    const prlimit = argv.indexOf("prlimit"),
      setpriv = argv.indexOf("setpriv"),
      python = argv.indexOf("/usr/bin/python3");
    expect(argv.slice(6, 8)).toEqual(["/cg/memory/x/cgroup.procs", "--"]);
    expect(argv[prlimit + 1]).toBe(`--nproc=${separateUserTasks}:${separateUserTasks}`);
    expect(argv.slice(setpriv, setpriv + 8)).toEqual([
      "setpriv",
      "--reuid=424242",
      "--regid=424242",
      "--clear-groups",
      "--no-new-privs",
      "--pdeathsig",
      "KILL",
      "--",
    ]);
    expect(prlimit).toBeLessThan(setpriv);
    expect(setpriv).toBeLessThan(python);
    expect(argv[python + 4]).toMatch(/PR_SET_SECCOMP/);
    expect(argv.slice(-2)).toEqual(["python3", "nn.py"]);
  });

  it("without the loader the command runs directly, and the gaps say new processes are only capped", () => {
    const bare = { ...withSeccomp, seccompWithoutBwrap: false, cgroup: null };
    expect(separateUserArgv(["python3", "nn.py"], [], bare, 424242)).not.toContain("/usr/bin/python3");
    const gaps = separateUserGaps(bare).join("\n");
    expect(gaps).toMatch(/no seccomp filter .* capped at 256 tasks .*RLIMIT_NPROC/);
    expect(gaps).toMatch(/no writable cgroup/);
    expect(separateUserGaps(withSeccomp).join("\n")).not.toMatch(/seccomp|cgroup/);
  });

  it("names every protection of the sandbox it lacks", () => {
    const gaps = separateUserGaps(withSeccomp).join("\n");
    for (const missing of [
      "namespaces",
      "new sockets",
      "refused by the system-call filter",
      "no private filesystem view",
      "no private process view",
    ])
      expect(gaps).toContain(missing);
    expect(separateUserGaps({ ...withSeccomp, seccompWithoutBwrap: false }).join("\n")).toContain("no network isolation");
  });
});

const root = process.getuid?.() === 0;
const runnable = requireSystem(
  "root, setpriv and the system's python3 (the separate-user fallback runs the submission as an unused uid)",
  root && existsSync("/usr/bin/python3") && seccompLoaderWorks(),
  "run the tests as root; apt-get install python3 util-linux",
);

/** A process submission that tries what a student must not manage; J is the bit mask of what worked. */
const hostile = (vault: string, results: string, victim: number) => `import json, os, signal, sys
bits = 0
try:
    sys.stderr.write(open(${JSON.stringify(join(vault, "rubric.json"))}).read()); bits |= 1
except Exception: pass
try:
    open(${JSON.stringify(join(vault, "seed"))}).read(); bits |= 1
except Exception: pass
try:
    open(${JSON.stringify(join(results, "results.json"))}, "w").write('{"score": 1000}'); bits |= 2
except Exception: pass
try:
    if os.fork() == 0: os._exit(0)
    bits |= 4
except Exception: pass
try:
    os.kill(os.getppid(), 0); bits |= 8
except Exception: pass
try:
    os.kill(${victim}, signal.SIGKILL); bits |= 16
except Exception: pass
try:
    open("forged.txt", "w").write("x"); bits |= 32
except Exception: pass
try:
    home = os.environ["HOME"]
    assert home == os.environ["TMPDIR"] and (os.stat(home).st_mode & 0o777) == 0o700
    open(os.path.join(home, "scratch.txt"), "w").write("mine")
except Exception: bits |= 64
if os.getuid() == 0 or os.getgid() == 0 or os.getgroups(): bits |= 128
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"id": r["id"], "J": float(bits), "grad": [0.0] * len(r["params"])}), flush=True)
`;

async function load(dir: string, can: SandboxAbilities): Promise<Implementation> {
  const l = await loadSubmission(dir, { callTimeoutMs: 8000, fallback: "separate-user", abilities: can });
  if (!l.ok) throw new Error(`${l.problem}: ${l.message}`);
  return l.implementation;
}

describe.runIf(runnable)("the separate-user fallback, run for real as root with bubblewrap declared unavailable", () => {
  const can: SandboxAbilities = {
    bwrap: false,
    dropUser: true,
    cgroup: runnable ? sandboxAbilities().cgroup : null,
    seccompWithoutBwrap: true,
  };

  it("check and grade still refuse: without the fallback, or without root, nothing runs", async () => {
    const dir = tempFolder("separate-user-refuse");
    cpSync(new URL("../../examples/correct", import.meta.url).pathname, dir, { recursive: true });
    expect(await loadSubmission(dir, { abilities: can })).toMatchObject({ ok: false, problem: "no-sandbox" });
    expect(await loadSubmission(dir, { abilities: { ...can, dropUser: false }, fallback: "separate-user" })).toMatchObject({
      ok: false,
      problem: "no-sandbox",
      message: expect.stringMatching(/separate-user fallback needs root/),
    });
  });

  it("a module submission answers exactly what it answers in this process, and its warnings are the gaps", async () => {
    const dir = tempFolder("separate-user-module");
    cpSync(new URL("../../examples/correct", import.meta.url).pathname, dir, { recursive: true });
    const { nnCostFunction } = await import(join(dir, "nnCostFunction.mjs"));
    const expected = await nnCostFunction(tiny.params, tiny.layerSizes, tiny.X, tiny.y, tiny.lambda);
    const impl = await load(dir, can);
    try {
      const o = await impl.call(tiny);
      expect(o.kind).toBe("result");
      if (o.kind === "result") {
        expect(o.J).toBe(expected.J);
        expect([...o.grad]).toEqual([...expected.grad]);
      }
      expect(impl.warnings).toEqual(separateUserGaps(can));
    } finally {
      await impl.close();
    }
  });

  it("a hostile process cannot read a 0600 file of root's, write a 0700 folder, fork, signal root's processes or write its copy", async () => {
    const scratch = tempFolder("separate-user-hostile");
    chmodSync(scratch, 0o755);
    const secret = `secret-${randomBytes(8).toString("hex")}`;
    const vault = join(scratch, "source"),
      results = join(scratch, "results"),
      submission = join(scratch, "submission");
    for (const [d, mode] of [
      [vault, 0o711],
      [results, 0o700],
      [submission, 0o755],
    ] as const) {
      mkdirSync(d);
      chmodSync(d, mode);
    }
    writeFileSync(join(vault, "rubric.json"), JSON.stringify({ name: secret }), { mode: 0o600 });
    writeFileSync(join(vault, "seed"), "17\n", { mode: 0o600 });
    const victim = spawn("sleep", ["120"], { stdio: "ignore" });
    try {
      writeFileSync(join(submission, "gradcheck.json"), JSON.stringify({ command: ["python3", "nn.py"] }));
      writeFileSync(join(submission, "nn.py"), hostile(vault, results, victim.pid!));
      const impl = await load(submission, can);
      let answer;
      try {
        answer = await impl.call(tiny);
      } finally {
        await impl.close();
      }
      expect(answer.kind).toBe("result");
      // 0: none of the attempts worked, and HOME was a private, writable scratch folder.
      expect(answer.kind === "result" ? answer.J : -1).toBe(0);
      expect(JSON.stringify(answer)).not.toContain(secret);
      expect(readdirSync(results)).toEqual([]);
      expect(readdirSync(submission).sort()).toEqual(["gradcheck.json", "nn.py"]);
      expect(victim.exitCode).toBeNull();
      expect(victim.signalCode).toBeNull();
    } finally {
      victim.kill("SIGKILL");
    }
  });

  it("a hostile module is still fenced by Node's permission model: only the network is open, as the gaps say", async () => {
    rmSync("/tmp/escaped-by-submission.txt", { force: true });
    const impl = await load(submissionFixture("escape-module"), can);
    try {
      const o = await impl.call(tiny);
      // J is the bit mask of what escaped (escape-module); 64, the network, is a stated gap of the fallback.
      expect(o.kind === "result" ? o.J & ~64 : -1).toBe(0);
      expect(existsSync("/tmp/escaped-by-submission.txt")).toBe(false);
    } finally {
      await impl.close();
    }
  });

  it("the attempts are real: as root, outside the fallback, they succeed", async () => {
    const scratch = tempFolder("separate-user-control");
    const vault = join(scratch, "source"),
      results = join(scratch, "results");
    mkdirSync(vault);
    mkdirSync(results);
    writeFileSync(join(vault, "rubric.json"), "{}");
    writeFileSync(join(vault, "seed"), "17\n");
    writeFileSync(join(scratch, "nn.py"), hostile(vault, results, 0x7fffffff));
    const out = await new Promise<string>((resolve) => {
      const child = spawn("/usr/bin/python3", ["nn.py"], { cwd: scratch, env: { HOME: scratch, TMPDIR: scratch } });
      let text = "";
      child.stdout.on("data", (d: Buffer) => (text += d.toString()));
      child.on("close", () => resolve(text));
      child.stdin.end(JSON.stringify({ id: 1, ...tiny }) + "\n");
    });
    const J = JSON.parse(out).J;
    // read, forge, fork, signal the parent, write its folder, be root; HOME is not 0700 here (64);
    // the victim pid does not exist (16).
    expect(J & (1 | 2 | 4 | 8 | 32 | 128)).toBe(1 | 2 | 4 | 8 | 32 | 128);
    expect(readFileSync(join(results, "results.json"), "utf8")).toContain("1000");
  });
});
