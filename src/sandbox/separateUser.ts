import { chownSync, lstatSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { noForkLoaderArgv } from "./noForkLoader.ts";
import { containedPath, enterArgv, noCgroupGap, type SandboxAbilities } from "./sandbox.ts";

/**
 * The reduced containment the Gradescope autograder falls back to where bubblewrap cannot
 * build the sandbox (Docker forbids the namespaces it needs) but gradcheck runs as root. It is
 * never chosen by `check` or `grade`, which refuse instead. What still works without
 * namespaces is kept, in the same order as the sandbox: join the cgroup and close inherited
 * descriptors (the enter script), cap the uid's tasks (prlimit), become an unused uid with no
 * groups and no_new_privs that dies with the checker (setpriv), install the no-fork seccomp
 * filter (noForkLoader), then exec the command. What is missing is separateUserGaps.
 */

/**
 * Threads and processes the unused uid may hold at once (RLIMIT_NPROC counts both): room for
 * Node's and Octave's worker threads, a wall against a fork bomb where the seccomp filter
 * cannot be installed. The uid is fresh for every start, so nothing else counts against it.
 */
export const separateUserTasks = 256;

export function separateUserArgv(command: readonly string[], cgroupProcs: readonly string[], can: SandboxAbilities, uid: number): string[] {
  return [
    ...enterArgv("gradcheck-separate-user", cgroupProcs),
    "prlimit",
    `--nproc=${separateUserTasks}:${separateUserTasks}`,
    "--",
    "setpriv",
    `--reuid=${uid}`,
    `--regid=${uid}`,
    "--clear-groups",
    "--no-new-privs",
    "--pdeathsig",
    "KILL",
    "--",
    ...(can.seccompWithoutBwrap ? noForkLoaderArgv(command) : command),
  ];
}

/**
 * HOME and TMPDIR of one start: a folder beside the private copy that only `uid` can enter,
 * removed with the copy. The copy itself stays root's and read-only to the uid.
 */
export function separateUserEnv(stagedDir: string, uid: number): Record<string, string> {
  const home = join(dirname(stagedDir), `home-${uid}`);
  mkdirSync(home, { mode: 0o700 });
  chownSync(home, uid, uid);
  return {
    PATH: containedPath,
    HOME: home,
    TMPDIR: home,
    OPENBLAS_NUM_THREADS: "1",
    OMP_NUM_THREADS: "1",
    PYTHONDONTWRITEBYTECODE: "1",
  };
}

/** The protections of the full sandbox that the separate-user fallback lacks here, for staff-only output. */
export function separateUserGaps(can: SandboxAbilities): string[] {
  return [
    "reduced containment (separate user): bubblewrap cannot build the sandbox here (no user or mount namespaces), so the submission runs as an unused unprivileged uid, without namespaces",
    can.seccompWithoutBwrap
      ? "no network namespace: new sockets (Unix, IPv4, IPv6, netlink, packet) are refused by the system-call filter instead"
      : "no network isolation: it can open network connections and connect to Unix sockets its uid may open",
    "no private filesystem view: it sees the container's files with an unprivileged uid's rights (world-readable files can be read; what it leaves in /tmp, /var/tmp and /dev/shm, or in world-writable folders within them, is removed when it ends; what it writes anywhere else its uid may write stays)",
    "no private process view: it can list the container's processes and read their command lines (not signal or trace them: they run as other uids)",
    ...(can.seccompWithoutBwrap
      ? []
      : [
          `no seccomp filter (${noForkLoaderArgv([])[0]} could not install it): new processes are capped at ${separateUserTasks} tasks for the uid (RLIMIT_NPROC), not forbidden`,
        ]),
    ...(can.cgroup ? [] : [noCgroupGap]),
  ];
}

/** Where any uid can create files in a container: what the submission's uid left there is removed after each start. */
export const writableByAnyone = ["/tmp", "/var/tmp", "/dev/shm"];

/** How deep the sweep looks inside world-writable folders, and how many entries it reads in all: a bound on a grader's cleanup. */
const sweepDepth = 4,
  sweepEntries = 20_000;

/**
 * Removes every entry owned by `uid` (a fresh uid per start, so nothing of anyone else's) in
 * `roots` and in the world-writable folders beneath them, down to a bounded depth, after its
 * processes have ended. A link is removed, never followed.
 */
export function removeFilesOf(uid: number, roots: readonly string[] = writableByAnyone): string[] {
  const removed: string[] = [];
  let budget = sweepEntries;
  const sweep = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (--budget < 0) return;
      const path = join(dir, name);
      const st = lstatSync(path, { throwIfNoEntry: false });
      if (st?.uid === uid) {
        rmSync(path, { recursive: true, force: true });
        removed.push(path);
      } else if (st?.isDirectory() && st.mode & 0o002 && depth < sweepDepth) sweep(path, depth + 1);
    }
  };
  for (const root of roots) sweep(root, 0);
  return removed;
}
