import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxAbilities } from "../../src/sandbox/index.ts";
import { requireSystem } from "../helpers/requireSystem.ts";
import {
  answerLoop,
  check,
  cleanWorkspace,
  makeWorkspace,
  leftoversOf,
  project,
  pythonSubmission,
  record,
  secret,
  secretFile,
  submission,
  workspace,
  type Run,
} from "../helpers/hostileRun.ts";

const can = sandboxAbilities();
/** Per test: several full checks each, on a loaded machine; a bound against hangs, not a speed goal. */
const generous = 900_000;
const sandboxed = requireSystem("the bubblewrap sandbox", can.bwrap, "apt-get install bubblewrap");

/** What every hostile run must satisfy, whatever its verdict. */
function contained(run: Run): void {
  expect(run.stdout + run.stderr).not.toContain(secret);
  expect(run.stdout + run.stderr).not.toMatch(/root:x:0:0/);
  expect(run.json, `not JSON: ${run.stdout.slice(0, 300)} ${run.stderr.slice(0, 300)}`).toBeDefined();
  expect(leftoversOf(run.pid)).toEqual([]);
}

/** Module code that tries `attempts` (each returns text when it got through) and otherwise answers correctly. */
const tryThenCorrect = (attempts: string) => `import fs from "node:fs";
import { nnCostFunction as correct } from "./correct.mjs";
const got = [];
const attempt = async (f) => { try { const r = await f(); if (r !== undefined) got.push(String(r)); } catch {} };
${attempts}
export function nnCostFunction(...args) {
  if (got.length) throw new Error("escaped: " + got.join(" | "));
  return correct(...args);
}
`;

beforeAll(makeWorkspace);
afterAll(cleanWorkspace);

describe.runIf(sandboxed)("hostile submissions: escapes", () => {
  it(
    "1. a symlink to another student's folder, imported from a data: URL, is not there: load error, no pass",
    async () => {
      const peer = submission("peer-correct", { "nnCostFunction.mjs": "@correct.mjs" });
      const dir = submission("peer-link", {
        "nnCostFunction.mjs": `import fs from "node:fs";
const source = fs.readFileSync(new URL("./peer/nnCostFunction.mjs", import.meta.url), "utf8");
export const { nnCostFunction } = await import("data:text/javascript," + encodeURIComponent(source));
`,
      });
      symlinkSync(relative(dir, peer), join(dir, "peer"));
      const run = await check(dir);
      record("1 symlink to a peer, data: import", run);
      contained(run);
      expect(run.code).toBe(2);
      expect(run.json!.problem).toBe("import-failed");
    },
    generous,
  );

  it(
    "2. a .ts entry importing gradcheck's own reference from outside its folder: load error",
    async () => {
      const dir = submission("ts-reference", {});
      const reference = relative(dir, join(project, "src/mistakes/referenceNnCostFunction.ts"));
      writeFileSync(join(dir, "nnCostFunction.ts"), `export { referenceNnCostFunction as nnCostFunction } from "${reference}";\n`);
      const run = await check(dir);
      record("2 .ts imports the project's reference", run);
      contained(run);
      expect(run.code).toBe(2);
      expect(run.json!.problem).toBe("import-failed");
    },
    generous,
  );

  it(
    "6. root -> / in the folder: no /etc/shadow, no decoy secret, no checker environment or memory",
    async () => {
      const dir = submission("root-link", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": tryThenCorrect(`
await attempt(() => fs.readFileSync(new URL("./root/etc/shadow", import.meta.url), "utf8"));
await attempt(() => fs.readFileSync(new URL("./root${secretFile}", import.meta.url), "utf8"));
await attempt(() => fs.readFileSync("${secretFile}", "utf8"));
await attempt(() => fs.readFileSync("/etc/passwd", "utf8"));
await attempt(() => fs.readFileSync("/proc/self/environ", "utf8"));
await attempt(() => fs.readFileSync("/proc/" + process.ppid + "/environ", "utf8"));
await attempt(() => fs.readFileSync("/proc/1/environ", "utf8"));
await attempt(() => process.env.GRADCHECK_DECOY);
`),
      });
      symlinkSync("/", join(dir, "root"));
      const run = await check(dir);
      record("6 root -> / symlink, /proc, environ", run);
      contained(run);
      expect(run.code).toBe(0);
      expect(run.json!.warnings.join(" ")).toMatch(/root \(symbolic link\)/);
    },
    generous,
  );

  it(
    "7. a .ts entry importing a secret, the answer key beside the folder and /etc/passwd: load error, nothing printed",
    async () => {
      writeFileSync(join(workspace, "submissions", "answer-key.json"), JSON.stringify({ key: secret }));
      const dir = submission("ts-secrets", {
        "nnCostFunction.ts": `import key from "../answer-key.json" with { type: "json" };
import text from "${secretFile}";
import passwd from "/etc/passwd";
export function nnCostFunction(): never { throw new Error(JSON.stringify([key, text, passwd])); }
`,
      });
      const run = await check(dir);
      record("7 .ts imports secret, answer key, /etc/passwd", run);
      contained(run);
      expect(run.code).toBe(2);
      expect(run.json!.problem).toBe("import-failed");
    },
    generous,
  );

  it(
    "8. killing or stopping the checker and a host process from inside: nothing happens to them",
    async () => {
      const victim = spawn("sleep", ["600"], { stdio: "ignore" });
      try {
        const dir = submission("kill", {
          "correct.mjs": "@correct.mjs",
          "nnCostFunction.mjs": tryThenCorrect(`
for (const [pid, sig] of [[process.ppid, "SIGSTOP"], [process.ppid, "SIGKILL"], [${victim.pid}, "SIGKILL"], [1, "SIGKILL"]]) {
  await attempt(() => { process.kill(pid, sig); return undefined; });
}
`),
        });
        const run = await check(dir);
        record("8 kill/stop the checker and a host pid", run);
        contained(run);
        expect(run.code).toBe(0);
        expect(victim.exitCode).toBe(null);
        expect(() => process.kill(victim.pid!, 0)).not.toThrow();
      } finally {
        victim.kill("SIGKILL");
      }
    },
    generous,
  );

  it(
    "9. a host Unix-domain socket is out of reach",
    async () => {
      const path = join(workspace, "test.sock");
      let connections = 0;
      const server = createServer((s) => {
        connections++;
        s.destroy();
      });
      await new Promise<void>((resolve) => server.listen(path, resolve));
      try {
        const dir = submission("socket", {
          "correct.mjs": "@correct.mjs",
          "nnCostFunction.mjs": tryThenCorrect(`
import net from "node:net";
await attempt(() => new Promise((resolve, reject) => {
  const s = net.connect("${path}", () => { s.end(); resolve("connected"); });
  s.on("error", reject);
}));
`),
        });
        const run = await check(dir);
        record("9 host Unix socket", run);
        contained(run);
        expect(run.code).toBe(0);
        expect(connections).toBe(0);
      } finally {
        server.close();
      }
    },
    generous,
  );

  it(
    "10. descriptors the checker inherited are closed in the sandbox (module and process)",
    async () => {
      const grader = join(workspace, "grader-results.txt");
      writeFileSync(grader, `${secret}\n`);
      const module = submission("fd-module", {
        "correct.mjs": "@correct.mjs",
        "nnCostFunction.mjs": tryThenCorrect(`
// Node's own descriptors (epoll, eventfd, its wake-up pipes) are there too, and reading them
// would break Node itself: only regular files are tried, the grader's among them if it leaked.
for (let fd = 5; fd < 64; fd++) {
  await attempt(() => {
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const b = Buffer.alloc(200);
    const n = fs.readSync(fd, b, 0, 200, 0);
    if (!b.toString("utf8", 0, n).includes("DECOY-")) return undefined;
    fs.writeSync(fd, "overwritten", 0);
    return "read and wrote the grader's file on fd " + fd;
  });
}
`),
      });
      const python = pythonSubmission(
        "fd-process",
        answerLoop(`import os
for fd in range(3, 64):
    try:
        if b"DECOY-" in os.pread(fd, 200, 0):
            os.pwrite(fd, b"overwritten", 0)
            J = "read and wrote the grader's file on fd %d" % fd
    except OSError:
        pass`),
      );
      for (const [dir, what] of [
        [module, "module"],
        [python, "process"],
      ] as const) {
        const fd = openSync(grader, "r+");
        try {
          // On fd 40: Node itself does not pass its lowest descriptors on, but higher ones it does.
          const stdio: StdioOptions = Array.from({ length: 41 }, (_, k) => (k === 1 || k === 2 ? "pipe" : k === 40 ? fd : "ignore"));
          const run = await check(dir, [], { stdio });
          record(`10 inherited descriptor (${what})`, run);
          contained(run);
          expect(run.code).toBe(0);
        } finally {
          closeSync(fd);
        }
        expect(readFileSync(grader, "utf8")).toBe(`${secret}\n`);
      }
    },
    generous,
  );

  const memoryCases: Array<[string, string]> = [
    ["11a. 1 GiB of off-heap Buffers", "module"],
    ["11b. 1 GiB of WebAssembly memory", "module"],
    ["11c. 1 GiB written to /dev/shm", "process"],
  ];
  it
    .runIf(
      requireSystem("a writable memory cgroup", can.cgroup !== null, "run as root with cgroup v1, or delegate the v2 memory controller"),
    )
    .each(memoryCases)(
    "%s ends in a memory-limit finding",
    async (title) => {
      const dir = title.includes("Buffers")
        ? submission("buffers", {
            "nnCostFunction.mjs": `export function nnCostFunction() { const kept = []; for (let i = 0; i < 8; i++) kept.push(Buffer.alloc(128 * 1024 * 1024, 1)); return { J: kept.length, grad: [] }; }\n`,
          })
        : title.includes("WebAssembly")
          ? submission("wasm", {
              "nnCostFunction.mjs": `export function nnCostFunction() { const m = new WebAssembly.Memory({ initial: 16384, maximum: 16384 }); new Uint8Array(m.buffer).fill(1); return { J: m.buffer.byteLength, grad: [] }; }\n`,
            })
          : pythonSubmission(
              "shm",
              answerLoop(`with open("/dev/shm/fill", "wb") as f:
    for _ in range(1024):
        f.write(b"x" * (1 << 20))`),
            );
      const run = await check(dir, ["--timeout", "60000"]);
      record(title, run);
      contained(run);
      expect(run.code).toBe(1);
      expect(run.json!.findings.map((f: { problem: string }) => f.problem)).toContain("memory-limit");
    },
    generous,
  );

  it(
    "12. gradcheck.json as a link to a secret or /etc/passwd: refused without quoting it",
    async () => {
      for (const target of [secretFile, "/etc/passwd"]) {
        const dir = submission(`config-link-${target.length}`, {});
        symlinkSync(target, join(dir, "gradcheck.json"));
        const run = await check(dir);
        record(`12 gradcheck.json -> ${target === secretFile ? "secret" : target}`, run);
        contained(run);
        expect(run.code).toBe(2);
        expect(run.json!.problem).toBe("bad-config");
      }
    },
    generous,
  );
});
