import { describe, expect, it } from "vitest";
import { moduleCommand, sandboxArgv, sandboxGaps, type SandboxAbilities } from "../../src/sandbox/index.ts";

const full: SandboxAbilities = { bwrap: true, dropUser: true, cgroup: "v1", seccompWithoutBwrap: false };
const bare: SandboxAbilities = { bwrap: false, dropUser: false, cgroup: null, seccompWithoutBwrap: false };
const limits = { memoryMB: 256 };

/** The value that follows a flag in argv (the first occurrence after `from`). */
const after = (argv: readonly string[], flag: string, from = 0) => argv[argv.indexOf(flag, from) + 1];

describe("the sandbox's command line (what is enforced where)", () => {
  const argv = sandboxArgv("/s", ["python3", "nn.py"], limits, ["/cg/memory/x/cgroup.procs"], full, "/h/moduleHarness.mjs");
  const bwrap = argv.indexOf("bwrap");

  it("joins the cgroup and closes inherited descriptors before anything else, then drops to an unused uid", () => {
    expect(argv.slice(0, 4)).toEqual(["bash", "--norc", "--noprofile", "-c"]);
    expect(argv[4]).toMatch(/cgroup|\$\$ > "\$1"/);
    expect(argv[4]).toMatch(/-gt 4 \] && \[ -e \/proc\/\$\$\/fd\/\$fd \]; then exec \{fd\}>&-/);
    expect(argv.slice(6, 8)).toEqual(["/cg/memory/x/cgroup.procs", "--"]);
    expect(argv[8]).toBe("setpriv");
    expect(Number(/--reuid=(\d+)/.exec(argv.join(" "))?.[1])).toBeGreaterThanOrEqual(200_000);
    expect(argv).toContain("--no-new-privs");
  });

  it("unshares every namespace, dies with the checker, clears the environment, loads the seccomp filter", () => {
    expect(argv.slice(bwrap, bwrap + 5)).toEqual(["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]);
    expect(after(argv, "--seccomp")).toBe("4");
  });

  it("shows only system folders, the submission and the harness, all read-only; /dev/shm is the only writable place, capped", () => {
    expect(argv.includes("--bind")).toBe(false);
    expect(argv.slice(argv.indexOf("/s") - 1, argv.indexOf("/s") + 2)).toEqual(["--ro-bind", "/s", "/submission"]);
    expect(argv.slice(argv.indexOf("/h/moduleHarness.mjs") - 1, argv.indexOf("/h/moduleHarness.mjs") + 2)).toEqual([
      "--ro-bind",
      "/h/moduleHarness.mjs",
      "/gradcheck/moduleHarness.mjs",
    ]);
    const mounted = argv.flatMap((a, k) => (a === "--ro-bind" ? [argv[k + 2]] : []));
    expect(mounted.filter((p) => /^\/(home|root|tmp|etc\/(shadow|passwd))/.test(p))).toEqual([]);
    expect(after(argv, "--remount-ro")).toBe("/dev");
    expect(argv.slice(argv.indexOf("--tmpfs") - 4, argv.indexOf("--tmpfs") + 2)).toEqual([
      "--size",
      String(256 * 1024 * 1024),
      "--perms",
      "1777",
      "--tmpfs",
      "/dev/shm",
    ]);
    expect(argv.lastIndexOf("--remount-ro")).toBe(argv.indexOf("/", argv.lastIndexOf("--remount-ro")) - 1);
    expect(argv.slice(-3)).toEqual(["--", "python3", "nn.py"]);
  });

  it("a module runs under Node's permission model too, reading only the harness and the submission", () => {
    const node = moduleCommand("/submission/nnCostFunction.mjs", limits);
    expect(node).toEqual(
      expect.arrayContaining([
        "--experimental-permission",
        "--allow-fs-read=/gradcheck/moduleHarness.mjs",
        "--allow-fs-read=/submission/",
        "--max-old-space-size=256",
      ]),
    );
    expect(node.some((a) => /allow-(fs-write|child-process|worker|addons)/.test(a))).toBe(false);
  });

  it("without root the uid is kept, and every gap is stated", () => {
    const plain = sandboxArgv("/s", ["python3"], limits, [], { ...full, dropUser: false });
    expect(plain.includes("setpriv")).toBe(false);
    expect(sandboxGaps(full)).toEqual([]);
    expect(sandboxGaps(bare).join("\n")).toMatch(/apt-get install bubblewrap[\s\S]*no writable cgroup/);
  });
});
