import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readlinkSync } from "node:fs";
import { randomInt } from "node:crypto";

/**
 * What this machine lets gradcheck enforce on untrusted code, probed once by running the
 * tools: a kernel or container may forbid namespaces even where the binaries exist.
 */
export interface SandboxAbilities {
  /** argv prefix that puts the child in a fresh network namespace (no interfaces but lo), or null */
  readonly netPrefix: readonly string[] | null;
  /** bubblewrap can build a private filesystem view with all namespaces unshared */
  readonly bwrap: boolean;
  /** we are root and setpriv exists: a process submission can run as an unused uid */
  readonly dropUser: boolean;
  readonly prlimit: boolean;
}

let probed: SandboxAbilities | undefined;

function works(argv: readonly string[]): boolean {
  const r = spawnSync(argv[0], argv.slice(1), { stdio: "ignore", timeout: 5000 });
  return r.status === 0;
}

export function sandboxAbilities(): SandboxAbilities {
  if (probed) return probed;
  const netPrefix =
    works(["unshare", "--net", "true"]) ? ["unshare", "--net", "--"]
    : works(["unshare", "--user", "--map-root-user", "--net", "true"]) ? ["unshare", "--user", "--map-root-user", "--net", "--"]
    : null;
  const bwrap = works(["bwrap", "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"]);
  const dropUser = process.getuid?.() === 0 && works(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"]);
  probed = { netPrefix, bwrap, dropUser, prlimit: works(["prlimit", "--nofile=64", "true"]) };
  return probed;
}

export interface Limits {
  /** V8 heap limit of a module submission, and address-space limit of a process submission */
  readonly memoryMB: number;
}

/**
 * The argv that runs a module submission's harness: Node's permission model (read only the
 * harness and the submission folder; no writes, no child processes, no workers, no addons),
 * a V8 heap limit, and a network namespace with nothing in it when the machine allows one.
 */
export function moduleSandbox(harness: string, entry: string, readable: readonly string[], limits: Limits, can: SandboxAbilities = sandboxAbilities()): { argv: string[]; warnings: string[] } {
  const warnings: string[] = [];
  if (!can.netPrefix) warnings.push("network not isolated: cannot create a network namespace here (unshare --net failed); the submission could open connections");
  const argv = [
    ...(can.netPrefix ?? []),
    process.execPath,
    "--no-warnings",
    "--experimental-permission",
    ...[harness, ...readable].map((p) => `--allow-fs-read=${p}`),
    `--max-old-space-size=${limits.memoryMB}`,
    harness,
    entry,
  ];
  return { argv, warnings };
}

/** System folders a process submission may read (its interpreter and libraries), never home folders, /tmp or project trees. */
const systemPaths = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc/alternatives", "/etc/ld.so.cache"];

/**
 * The argv that runs a process submission. With bubblewrap: every namespace unshared (no
 * network, own pids), a read-only view of the system folders plus the submission folder
 * mounted at /submission, nothing writable; as root, also an unused uid with at most 3
 * processes (bubblewrap's two and the program: so no child processes), and an address-space
 * limit. Without bubblewrap: a network namespace and the limits only, with a warning.
 */
export function processSandbox(dir: string, command: readonly string[], limits: Limits, can: SandboxAbilities = sandboxAbilities()): { argv: string[]; cwd: string; warnings: string[] } {
  const warnings: string[] = [];
  const bytes = String(limits.memoryMB * 1024 * 1024);
  const limit = can.prlimit ? ["prlimit", `--as=${bytes}`, "--nofile=64", ...(can.dropUser ? ["--nproc=3"] : []), "--"] : [];
  if (!can.prlimit) warnings.push("memory not bounded: prlimit is not available");
  if (can.bwrap) {
    const uid = String(randomInt(200_000, 1_000_000));
    const user = can.dropUser ? ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups"] : [];
    if (!can.dropUser) warnings.push("child processes not prevented: not running as root, so the submission cannot be given a uid of its own to cap");
    const binds: string[] = [];
    for (const p of systemPaths) {
      if (!existsSync(p)) continue;
      if (lstatSync(p).isSymbolicLink()) binds.push("--symlink", readlinkSync(p), p);
      else binds.push("--ro-bind", p, p);
    }
    const argv = [
      ...user, ...limit,
      "bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
      "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
      "--setenv", "HOME", "/submission",
      "--setenv", "OPENBLAS_NUM_THREADS", "1",
      "--setenv", "OMP_NUM_THREADS", "1",
      "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
      ...binds,
      "--ro-bind", dir, "/submission", "--chdir", "/submission",
      "--proc", "/proc", "--dev", "/dev",
      "--", ...command,
    ];
    return { argv, cwd: dir, warnings };
  }
  const network = can.netPrefix ? [] : ["network not isolated: cannot create a network namespace here"];
  if (can.dropUser) {
    // No namespaces (Docker often forbids them), but root can still hand the program a uid of
    // its own: it reads only what any user may read, writes nowhere private, and with one
    // process allowed to that uid it starts no children.
    warnings.push("filesystem not isolated: bubblewrap cannot run here, so the process submission runs as a separate unprivileged uid; it can read world-readable files of the machine and write where any user may (e.g. /tmp)", ...network);
    const uid = String(randomInt(200_000, 1_000_000));
    // The network namespace is made while still root, then the uid is dropped.
    return { argv: [...(can.netPrefix ?? []), "setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", ...limit.map((a) => (a === "--nproc=3" ? "--nproc=1" : a)), ...command], cwd: dir, warnings };
  }
  warnings.push("filesystem not isolated: bubblewrap (bwrap) is not available, so the process submission can read and write outside its folder and start child processes (apt-get install bubblewrap)", ...network);
  return { argv: [...limit, ...(can.netPrefix ?? []), ...command], cwd: dir, warnings };
}

/** Where the sandbox's PATH looks for a bare command name (bubblewrap) or the host PATH. */
export function commandSearchPath(can: SandboxAbilities = sandboxAbilities()): string[] {
  return can.bwrap ? ["/usr/local/bin", "/usr/bin", "/bin"] : (process.env.PATH ?? "").split(":").filter(Boolean);
}
