import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A control group per sandboxed child: a memory limit that covers everything the child can
 * make the kernel hold for it (heap, off-heap Buffers, WebAssembly memory, tmpfs pages in its
 * /dev/shm), a CPU-time counter, and a list of every process in it so the whole tree can be
 * killed. RLIMIT_AS is no substitute: Node dies at 512 MiB of address space and WebAssembly
 * reserves several GiB it never touches.
 *
 * cgroup v1 (a hierarchy per controller: memory/, cpuacct/) and v2 (one unified hierarchy
 * whose root lists its controllers) are both supported; the v2 root must delegate the memory
 * and cpu controllers to its children (cgroup.subtree_control).
 */
export interface SubmissionCgroup {
  /** files to write the child's pid into, before it execs the sandbox */
  readonly procsFiles: readonly string[];
  /** the kernel killed a process of this group for exceeding the memory limit */
  oomKilled(): boolean;
  /**
   * the group's memory reached its limit at least once. Near the limit the kernel evicts the
   * group's file pages (the runtime's own code) before it kills anything, so on a busy machine
   * a hog can thrash past the time limit first: reaching the limit is the cause to report.
   */
  reachedLimit(): boolean;
  /** CPU time used by the group so far, in milliseconds (undefined when not measurable) */
  cpuMs(): number | undefined;
  /** some process of the group is running or waiting for a CPU or for memory (state R or D), not sleeping */
  wantsCpu(): boolean;
  /** SIGKILL every process still in the group */
  killAll(): void;
  /** remove the group (once empty); never throws */
  remove(): void;
}

export type CgroupVersion = "v1" | "v2";

const root = "/sys/fs/cgroup";
const prefix = "gradcheck-";
let counter = 0;
let probed: CgroupVersion | null | undefined;

function v1Dirs(): { memory: string; cpu: string | undefined } {
  const cpu = [join(root, "cpuacct"), join(root, "cpu,cpuacct")].find((d) => existsSync(join(d, "cpuacct.usage")));
  return { memory: join(root, "memory"), cpu };
}

/** Which cgroup version gradcheck can create limited groups in here, or null (not root, read-only, no controllers). */
export function cgroupVersion(): CgroupVersion | null {
  if (probed !== undefined) return probed;
  probed = null;
  const trial = create(1 << 30, "probe");
  if (trial) {
    trial.remove();
    probed = trial.version;
  }
  return probed;
}

/** A fresh group limited to memoryBytes (no swap either), or undefined when none can be made. */
export function createSubmissionCgroup(memoryBytes: number): SubmissionCgroup | undefined {
  if (cgroupVersion() === null) return undefined;
  return create(memoryBytes, String(counter++));
}

type Made = SubmissionCgroup & { version: CgroupVersion };

function create(memoryBytes: number, tag: string): Made | undefined {
  const name = `${prefix}${process.pid}-${tag}`;
  if (existsSync(join(v1Dirs().memory, "memory.limit_in_bytes"))) return createV1(name, memoryBytes);
  if (existsSync(join(root, "cgroup.controllers"))) return createV2(name, memoryBytes);
  return undefined;
}

/** cgroup v1: a group in the memory hierarchy, and one in the CPU accounting hierarchy where there is one. */
function createV1(name: string, memoryBytes: number): Made | undefined {
  const made: string[] = [];
  try {
    const mem = join(v1Dirs().memory, name);
    mkdirSync(mem);
    made.push(mem);
    writeFileSync(join(mem, "memory.limit_in_bytes"), String(memoryBytes));
    tryWrite(join(mem, "memory.memsw.limit_in_bytes"), String(memoryBytes));
    const cpu = v1CpuGroup(name);
    if (cpu) made.push(cpu);
    const dirs = made.slice();
    const usage = cpu ? counterFile(join(cpu, "cpuacct.usage")) : undefined;
    return {
      version: "v1",
      procsFiles: dirs.map((d) => join(d, "cgroup.procs")),
      oomKilled: () => Number(/\boom_kill (\d+)/.exec(readOr(join(mem, "memory.oom_control")))?.[1] ?? 0) > 0,
      // failcnt stays 0 when reclaim made room each time; the peak shows the limit was reached.
      reachedLimit: () =>
        Number(readOr(join(mem, "memory.max_usage_in_bytes"), "0")) >= Number(readOr(join(mem, "memory.limit_in_bytes"), "Infinity")),
      cpuMs: () => (usage ? Number(usage.read() || "NaN") / 1e6 : undefined),
      wantsCpu: () => anyRunnable(join(mem, "cgroup.procs")),
      killAll: () => killPids(join(mem, "cgroup.procs")),
      remove: () => {
        usage?.close();
        dirs.reverse().forEach(removeDir);
      },
    };
  } catch {
    made.reverse().forEach(removeDir);
    return undefined;
  }
}

/** The group's twin in v1's CPU accounting hierarchy, or undefined: CPU time is then not measured. */
function v1CpuGroup(name: string): string | undefined {
  const cpuRoot = v1Dirs().cpu;
  if (!cpuRoot) return undefined;
  try {
    mkdirSync(join(cpuRoot, name));
    return join(cpuRoot, name);
  } catch {
    return undefined;
  }
}

/** cgroup v2: one group, when the memory controller is delegated to where gradcheck runs. */
function createV2(name: string, memoryBytes: number): Made | undefined {
  const dir = join(root, name);
  try {
    const delegated = readOr(join(root, "cgroup.subtree_control"));
    if (!/\bmemory\b/.test(delegated)) return undefined;
    mkdirSync(dir);
    writeFileSync(join(dir, "memory.max"), String(memoryBytes));
    tryWrite(join(dir, "memory.swap.max"), "0");
    const stat = counterFile(join(dir, "cpu.stat"));
    return {
      version: "v2",
      procsFiles: [join(dir, "cgroup.procs")],
      oomKilled: () => Number(/\boom_kill (\d+)/.exec(readOr(join(dir, "memory.events")))?.[1] ?? 0) > 0,
      reachedLimit: () => Number(/\bmax (\d+)/.exec(readOr(join(dir, "memory.events")))?.[1] ?? 0) > 0,
      cpuMs: () => {
        const us = /\busage_usec (\d+)/.exec(stat.read())?.[1];
        return us === undefined ? undefined : Number(us) / 1000;
      },
      wantsCpu: () => anyRunnable(join(dir, "cgroup.procs")),
      killAll: () => (tryWrite(join(dir, "cgroup.kill"), "1") ? undefined : killPids(join(dir, "cgroup.procs"))),
      remove: () => {
        stat.close();
        removeDir(dir);
      },
    };
  } catch {
    removeDir(dir);
    return undefined;
  }
}

/**
 * Removes groups left by gradcheck processes that no longer run (a SIGKILLed checker cannot
 * clean up after itself). A group whose owner is alive is never touched: checks run in parallel.
 */
export function removeStaleCgroups(isAlive: (pid: number) => boolean): void {
  const { memory, cpu } = v1Dirs();
  for (const parent of [memory, cpu, root]) {
    if (!parent) continue;
    let names: string[];
    try {
      names = readdirSync(parent).filter((n) => n.startsWith(prefix));
    } catch {
      continue;
    }
    for (const n of names) {
      const pid = Number(/^gradcheck-(\d+)-/.exec(n)?.[1]);
      if (pid && !isAlive(pid)) {
        killPids(join(parent, n, "cgroup.procs"));
        removeDir(join(parent, n));
      }
    }
  }
}

/** Whether a process listed in `procs` is running or runnable (R) or in uninterruptible wait (D: reclaim, page faults). */
function anyRunnable(procs: string): boolean {
  return readOr(procs)
    .split("\n")
    .filter((line) => Number(line) > 0)
    .some((pid) => {
      // The state follows the command name, which is in parentheses and may itself hold any character.
      const stat = readOr(`/proc/${pid}/stat`);
      const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      return state === "R" || state === "D";
    });
}

function killPids(procs: string): void {
  for (const line of readOr(procs).split("\n")) {
    const pid = Number(line);
    if (pid > 0) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

function removeDir(dir: string): void {
  // A killed process leaves the group only once it is reaped: try for a moment.
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/**
 * A counter the kernel regenerates on every read from offset 0: opened once and read in place,
 * since it is read at the start of every call (one system call instead of open, stat, read, close).
 */
function counterFile(file: string): { read(): string; close(): void } {
  const buffer = Buffer.alloc(4096);
  let fd: number | undefined;
  return {
    read() {
      try {
        fd ??= openSync(file, "r");
        return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
      } catch {
        return "";
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

function readOr(file: string, fallback = ""): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

function tryWrite(file: string, text: string): boolean {
  try {
    writeFileSync(file, text);
    return true;
  } catch {
    return false;
  }
}
