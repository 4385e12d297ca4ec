import { spawnSync } from "node:child_process";
import { openSync, closeSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sandboxAbilities } from "../../src/sandbox/index.ts";
import { noForkFilter } from "../../src/sandbox/sandbox.ts";
import { requireSystem } from "../helpers/requireSystem.ts";

const generator = fileURLToPath(new URL("../../src/sandbox/noForkFilter.py", import.meta.url));
const python = "/usr/bin/python3";
const hasBindings = spawnSync(python, ["-c", "import seccomp"], { stdio: "ignore" }).status === 0;

describe.runIf(requireSystem("libseccomp's Python bindings", hasBindings, "apt-get install python3-seccomp"))(
  "the committed seccomp filter",
  () => {
    it("is exactly what noForkFilter.py builds (run `npm run build:seccomp` after editing it)", () => {
      const built = spawnSync(python, [generator]);
      expect(built.status).toBe(0);
      expect(Buffer.compare(built.stdout, readFileSync(noForkFilter))).toBe(0);
    });
  },
);

/** Runs python3 code under bubblewrap with the filter on fd 4 and returns its stdout. */
function underFilter(code: string): string {
  const fd = openSync(noForkFilter, "r");
  try {
    const r = spawnSync("bwrap", ["--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "--seccomp", "4", python, "-c", code], {
      stdio: ["ignore", "pipe", "pipe", "ignore", fd],
      encoding: "utf8",
      timeout: 60_000,
    });
    return r.stdout + r.stderr;
  } finally {
    closeSync(fd);
  }
}

// The raw syscall numbers below (435 clone3, 56 clone) are x86-64's.
describe.runIf(process.arch === "x64" && requireSystem("the bubblewrap sandbox", sandboxAbilities().bwrap, "apt-get install bubblewrap"))(
  "what the filter allows",
  () => {
    it("threads start; fork fails with EPERM, clone3 with ENOSYS, a fork-like clone with EPERM", () => {
      const out = underFilter(`
import ctypes, errno, os, threading
done = []
t = threading.Thread(target=lambda: done.append(1)); t.start(); t.join()
print("thread", done == [1])
try:
    os.fork(); print("fork allowed")
except OSError as e:
    print("fork", errno.errorcode[e.errno])
libc = ctypes.CDLL(None, use_errno=True)
r = libc.syscall(435, None, 0)  # clone3
print("clone3", errno.errorcode.get(ctypes.get_errno(), r))
r = libc.syscall(56, 17, None, None, None, None)  # clone(SIGCHLD): a fork
print("clone", errno.errorcode.get(ctypes.get_errno(), r))
`);
      expect(out).toContain("thread True");
      expect(out).toContain("fork EPERM");
      expect(out).toContain("clone3 ENOSYS");
      expect(out).toContain("clone EPERM");
    });
  },
);
