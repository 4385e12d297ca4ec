import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSubmission, sandboxAbilities, type SandboxAbilities } from "../../src/sandbox/index.ts";
import { seccompLoaderWorks } from "../../src/sandbox/sandbox.ts";
import { separateUserGaps } from "../../src/sandbox/separateUser.ts";
import { runAutograder } from "../../src/grade/buildAutograder.ts";
import { requireSystem } from "../helpers/requireSystem.ts";

const tiny = { params: [0.1, 0.2], layerSizes: [1, 1], X: [[0.5]], y: [1], lambda: 0 };
const runnable = requireSystem(
  "root, setpriv and the system's python3 (the separate-user fallback runs the submission as an unused uid)",
  process.getuid?.() === 0 && existsSync("/usr/bin/python3") && seccompLoaderWorks(),
  "run the tests as root; apt-get install python3 util-linux",
);
const tag = randomBytes(6).toString("hex");
/** A world-writable folder of root's, as a container may have (sticky, like /tmp itself). */
const shared = join("/tmp", `gradcheck-shared-${tag}`);
const left = [...["/tmp", "/var/tmp", "/dev/shm"].map((d) => join(d, `gradcheck-left-${tag}`)), join(shared, "left")];

/**
 * A process submission that tries what the fallback promises to stop; J is the bit mask of
 * what worked: 1 a TCP socket, 2 a Unix socket connected to a listening path, 4 a UDP socket;
 * and it leaves a file in each shared writable folder.
 */
const hostile = (unixPath: string) => `import json, os, socket, sys
bits = 0
for bit, family, kind in ((1, socket.AF_INET, socket.SOCK_STREAM), (4, socket.AF_INET6, socket.SOCK_DGRAM)):
    try:
        socket.socket(family, kind).close(); bits |= bit
    except OSError: pass
try:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.connect(${JSON.stringify(unixPath)}); bits |= 2
except OSError: pass
for path in ${JSON.stringify(left)}:
    try:
        open(path, "w").write("left behind")
    except OSError: pass
for line in sys.stdin:
    if not line.strip():
        continue
    r = json.loads(line)
    print(json.dumps({"id": r["id"], "J": float(bits), "grad": [0.0] * len(r["params"])}), flush=True)
`;

describe.runIf(runnable)("the Gradescope fallback (no namespaces) keeps what it promises", () => {
  const can: SandboxAbilities = {
    bwrap: false,
    dropUser: true,
    cgroup: runnable ? sandboxAbilities().cgroup : null,
    seccompWithoutBwrap: true,
  };
  const scratch = mkdtempSync(join(tmpdir(), "gradcheck-fallback-"));
  const unixPath = join(scratch, "listening.sock");
  let server: Server;
  beforeAll(async () => {
    chmodSync(scratch, 0o755);
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    server = createServer((c) => c.end());
    await new Promise<void>((r) => server.listen(unixPath, r));
    chmodSync(unixPath, 0o777);
  });
  afterAll(() => {
    server.close();
    rmSync(scratch, { recursive: true, force: true });
    for (const p of left) rmSync(p, { force: true });
    rmSync(shared, { recursive: true, force: true });
  });

  /** The hostile submission's J under the fallback with these abilities, and whether its files were still there while it ran. */
  async function attempt(abilities: SandboxAbilities): Promise<{ J: number; leftWhileRunning: string[] }> {
    const dir = mkdtempSync(join(scratch, "submission-"));
    writeFileSync(join(dir, "gradcheck.json"), JSON.stringify({ command: ["python3", "nn.py"] }));
    writeFileSync(join(dir, "nn.py"), hostile(unixPath));
    const loaded = await loadSubmission(dir, { callTimeoutMs: 8000, fallback: "separate-user", abilities });
    if (!loaded.ok) throw new Error(`${loaded.problem}: ${loaded.message}`);
    try {
      const answer = await loaded.implementation.call(tiny);
      return { J: answer.kind === "result" ? answer.J : -1, leftWhileRunning: left.filter(existsSync) };
    } finally {
      await loaded.implementation.close();
    }
  }

  it("new sockets are refused by seccomp, and what its uid left in /tmp, /var/tmp, /dev/shm and a world-writable folder in them is removed after it ends", async () => {
    const run = await attempt(can);
    expect(run.leftWhileRunning).toEqual(left);
    expect(run.J).toBe(0);
    expect(left.filter(existsSync)).toEqual([]);
    expect(separateUserGaps(can).join("\n")).toMatch(/new sockets .* are refused by the system-call filter/);
  });

  it("the attempts are real: without the filter, the same uid opens a TCP socket and reaches the Unix socket", async () => {
    const run = await attempt({ ...can, seccompWithoutBwrap: false });
    expect(run.J & (1 | 2)).toBe(1 | 2);
    expect(left.filter(existsSync)).toEqual([]);
  });

  it("run_autograder hands over the seed by a root-only file and makes gradcheck's own files unreadable to other uids", () => {
    const script = runAutograder;
    expect(script).toContain(`--seed-file "$source/seed"`);
    expect(script).not.toMatch(/--seed "\$\(/);
    expect(script).toContain(`chmod -R go-rwx "$source/gradcheck"`);
    expect(readFileSync(new URL("../../src/sandbox/noForkNoSocketFilter.bpf", import.meta.url)).length).toBeGreaterThan(0);
  });
});
