import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, readlinkSync, realpathSync } from "node:fs";
import { randomInt } from "node:crypto";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { noForkLoaderArgv } from "./noForkLoader.ts";
import { cgroupVersion, type CgroupVersion } from "./submissionCgroup.ts";

/**
 * What this machine lets gradcheck enforce on untrusted code, probed once by running the
 * tools: a kernel or container may forbid namespaces even where the binaries exist.
 */
export interface SandboxAbilities {
  /** bubblewrap can build a private filesystem view with every namespace unshared and load the seccomp filter */
  readonly bwrap: boolean;
  /** we are root and setpriv exists: the child runs as an unused uid */
  readonly dropUser: boolean;
  /** which cgroup hierarchy bounds memory and measures CPU time, or null */
  readonly cgroup: CgroupVersion | null;
  /**
   * the system's python3 can install the seccomp filter without bubblewrap, as an unused uid
   * (noForkLoader): what the separate-user fallback needs to forbid new processes. Probed only
   * where bubblewrap cannot run and we are root; false otherwise.
   */
  readonly seccompWithoutBwrap: boolean;
}

/** The seccomp filter (see noForkFilter.py): threads allowed, new processes refused. */
export const noForkFilter = fileURLToPath(new URL("./noForkFilter.bpf", import.meta.url));
/** The same, and new sockets refused (noForkFilter.py --no-sockets): the separate-user fallback has no network namespace. */
export const noForkNoSocketFilter = fileURLToPath(new URL("./noForkNoSocketFilter.bpf", import.meta.url));

let probed: SandboxAbilities | undefined;

/** The probes: bubblewrap with every namespace and the filter, and setpriv (only as root). */
const bwrapProbe = ["bash", "-c", `exec 4<"$0" && exec bwrap --ro-bind / / --unshare-all --die-with-parent --seccomp 4 true`, noForkFilter];
const setprivProbe = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"];
const probeTimeoutMs = 10_000;

function works(argv: readonly string[]): boolean {
  return spawnSync(argv[0], argv.slice(1), { stdio: "ignore", timeout: probeTimeoutMs }).status === 0;
}

/** The same as works, without blocking: the probes run side by side while this process does other work. */
function worksLater(argv: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: "ignore", timeout: probeTimeoutMs });
    child.once("error", () => resolve(false));
    child.once("close", (code) => resolve(code === 0));
  });
}

const root = () => process.getuid?.() === 0;

export function sandboxAbilities(): SandboxAbilities {
  if (probed) return probed;
  const bwrap = works(bwrapProbe);
  const dropUser = root() && works(setprivProbe);
  probed = { bwrap, dropUser, cgroup: cgroupVersion(), seccompWithoutBwrap: !bwrap && dropUser && works(seccompLoaderProbe()) };
  return probed;
}

/** sandboxAbilities, probed without blocking (bubblewrap and setpriv at once); the answer is kept for both. */
export async function probeSandboxAbilities(): Promise<SandboxAbilities> {
  if (probed) return probed;
  const [bwrap, dropUser] = await Promise.all([worksLater(bwrapProbe), root() ? worksLater(setprivProbe) : false]);
  const seccompWithoutBwrap = !bwrap && dropUser && (await worksLater(seccompLoaderProbe()));
  probed ??= { bwrap, dropUser, cgroup: cgroupVersion(), seccompWithoutBwrap };
  return probed;
}

/** As an unused uid with no_new_privs, the system's python3 installs the no-fork filter and execs (noForkLoader). */
export function seccompLoaderWorks(): boolean {
  return works(seccompLoaderProbe());
}

function seccompLoaderProbe(): string[] {
  return [
    "bash",
    "-c",
    'exec 4<"$0" && exec "$@"',
    noForkFilter,
    ...["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--no-new-privs"],
    ...noForkLoaderArgv(["true"]),
  ];
}

/** What is missing for a full sandbox, in words a user can act on; empty when nothing is. */
export function sandboxGaps(can: SandboxAbilities = sandboxAbilities()): string[] {
  const gaps: string[] = [];
  if (!can.bwrap) gaps.push("bubblewrap cannot build the sandbox here (apt-get install bubblewrap; it needs user namespaces, or root)");
  if (can.bwrap && !can.dropUser) gaps.push("not running as root, so the submission keeps the checker's uid inside its namespaces");
  if (!can.cgroup) gaps.push(noCgroupGap);
  return gaps;
}

export const noCgroupGap =
  "no writable cgroup (v1 memory controller, or v2 with memory delegated): memory is bounded only by Node's heap limit and the /dev/shm size, and CPU time is not measured";

export interface Limits {
  /** memory of the whole child (cgroup), and the size of its /dev/shm */
  readonly memoryMB: number;
}

/** The PATH a contained child gets (the bubblewrap sandbox or the separate-user fallback): system folders only. */
export const containedPath = "/usr/local/bin:/usr/bin:/bin";

/** Where the submission and gradcheck's harness appear inside the sandbox. */
export const insideSubmission = "/submission";
export const insideHarness = "/gradcheck/moduleHarness.mjs";

/** System folders the sandbox shows read-only (interpreters and libraries), never home folders, /tmp or project trees. */
const systemPaths = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc/alternatives", "/etc/ld.so.cache", "/etc/localtime"];

/**
 * The fd step: bubblewrap does not close the descriptors it inherits, and a checker started
 * by a grading script may hold some (open result files, sockets). Before exec, this joins the
 * cgroups given before "--" and closes every descriptor above 4 (0–2 stdio, 3 the answer
 * channel, 4 the seccomp filter bubblewrap reads and closes). No redirection around the loop:
 * bash would park stderr on a high descriptor that the loop then closes.
 */
const enterScript =
  'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 4 ] && [ -e /proc/$$/fd/$fd ]; then exec {fd}>&-; fi; done; exec "$@"';

/** The argv prefix that runs the fd step (named `label` in ps), joins `cgroupProcs`, then execs what follows. */
export function enterArgv(label: string, cgroupProcs: readonly string[]): string[] {
  return ["bash", "--norc", "--noprofile", "-c", enterScript, label, ...cgroupProcs, "--"];
}

/**
 * The argv that runs `command` in the sandbox, with the staged submission at /submission:
 * an unused uid (setpriv), every namespace unshared (user, pid, network, IPC, UTS, cgroup,
 * mount), a read-only root holding only the system folders, the runtime and the submission,
 * a /dev/shm tmpfs of at most the memory limit, the seccomp filter on fd 4, and death with
 * the checker. The caller passes the filter's fd as the child's fd 4 and the cgroup's procs
 * files as `cgroupProcs`.
 */
export function sandboxArgv(
  stagedDir: string,
  command: readonly string[],
  limits: Limits,
  cgroupProcs: readonly string[],
  can: SandboxAbilities,
  harness?: string,
): string[] {
  const uid = String(randomInt(200_000, 1_000_000));
  const user = can.dropUser ? ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--no-new-privs"] : [];
  return [
    ...enterArgv("gradcheck-sandbox", cgroupProcs),
    ...user,
    "bwrap",
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    ...containedEnvironment(),
    ...systemBinds(),
    ...submissionMounts(stagedDir, limits, harness),
    "--seccomp",
    "4",
    "--chdir",
    insideSubmission,
    "--",
    ...command,
  ];
}

/** The whole environment inside: the system PATH, home in the submission, numeric libraries on one thread, no bytecode files. */
function containedEnvironment(): string[] {
  const variables: Record<string, string> = {
    PATH: containedPath,
    HOME: insideSubmission,
    OPENBLAS_NUM_THREADS: "1",
    OMP_NUM_THREADS: "1",
    PYTHONDONTWRITEBYTECODE: "1",
  };
  return Object.entries(variables).flatMap(([name, value]) => ["--setenv", name, value]);
}

/** The system folders and the runtime, read-only (a symbolic link among them stays a link). */
function systemBinds(): string[] {
  const binds: string[] = [];
  for (const p of [...systemPaths, ...runtimePaths()]) {
    if (!existsSync(p) || binds.includes(p)) continue;
    if (lstatSync(p).isSymbolicLink()) binds.push("--symlink", readlinkSync(p), p);
    else binds.push("--ro-bind", p, p);
  }
  return binds;
}

/** The submission (and the harness) read-only, fresh /proc and /dev, a bounded /dev/shm, and the root made read-only. */
function submissionMounts(stagedDir: string, limits: Limits, harness: string | undefined): string[] {
  return [
    "--ro-bind",
    stagedDir,
    insideSubmission,
    ...(harness ? ["--ro-bind", harness, insideHarness] : []),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--remount-ro",
    "/dev",
    "--size",
    String(limits.memoryMB * 1024 * 1024),
    "--perms",
    "1777",
    "--tmpfs",
    "/dev/shm",
    "--remount-ro",
    "/",
  ];
}

/** The folder holding the running Node, when it is not under a system folder already (nvm, a tarball). */
function runtimePaths(): string[] {
  const node = realpathSync(process.execPath);
  return systemPaths.some((p) => node.startsWith(p + "/")) ? [] : [dirname(dirname(node))];
}

/** The argv of Node running the module harness inside the sandbox (Node's permission model stays on as a second fence). */
export function moduleCommand(
  entryInside: string,
  limits: Limits,
  inside: { submission: string; harness: string } = { submission: insideSubmission, harness: insideHarness },
): string[] {
  return [
    realpathSync(process.execPath),
    "--no-warnings",
    "--experimental-permission",
    `--allow-fs-read=${inside.harness}`,
    `--allow-fs-read=${inside.submission}/`,
    `--max-old-space-size=${limits.memoryMB}`,
    inside.harness,
    entryInside,
  ];
}

/** Where a child's PATH looks for a bare command name: the system folders when it is contained, else the checker's own PATH. */
export function commandSearchPath(contained: boolean): string[] {
  return (contained ? containedPath : (process.env.PATH ?? "")).split(":").filter(Boolean);
}
