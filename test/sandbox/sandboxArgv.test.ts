import { describe, expect, it } from "vitest";
import { moduleSandbox, processSandbox, type SandboxAbilities } from "../../src/sandbox/index.ts";

const full: SandboxAbilities = { netPrefix: ["unshare", "--net", "--"], bwrap: true, dropUser: true, prlimit: true };
const bare: SandboxAbilities = { netPrefix: null, bwrap: false, dropUser: false, prlimit: false };
const limits = { memoryMB: 256 };

describe("the sandbox's command lines (what is enforced where)", () => {
  it("a module: permission model reading only the harness and its folder, a heap limit, no network", () => {
    const { argv, warnings } = moduleSandbox("/h/harness.mjs", "/s/nnCostFunction.mjs", ["/s/"], limits, full);
    expect(argv.slice(0, 3)).toEqual(["unshare", "--net", "--"]);
    expect(argv).toEqual(expect.arrayContaining(["--experimental-permission", "--allow-fs-read=/h/harness.mjs", "--allow-fs-read=/s/", "--max-old-space-size=256"]));
    expect(argv.some((a) => /allow-(fs-write|child-process|worker|addons)/.test(a))).toBe(false);
    expect(warnings).toEqual([]);
    expect(moduleSandbox("/h/harness.mjs", "/s/x.mjs", ["/s/"], limits, bare).warnings.join()).toMatch(/network not isolated/);
  });

  it("a process under bubblewrap: own uid, 3 processes, address-space limit, everything unshared, folder read-only", () => {
    const { argv, warnings } = processSandbox("/s", ["python3", "nn.py"], limits, full);
    expect(argv[0]).toBe("setpriv");
    expect(argv).toEqual(expect.arrayContaining(["--nproc=3", `--as=${256 * 1024 * 1024}`, "bwrap", "--unshare-all", "--die-with-parent", "--clearenv"]));
    const at = argv.lastIndexOf("/submission", argv.indexOf("--chdir"));
    expect(argv.slice(at - 2, at + 1)).toEqual(["--ro-bind", "/s", "/submission"]);
    expect(argv.includes("--bind")).toBe(false);
    expect(argv.slice(-2)).toEqual(["python3", "nn.py"]);
    expect(warnings).toEqual([]);
  });

  it("a process without bubblewrap runs with every gap stated", () => {
    const { argv, warnings } = processSandbox("/s", ["python3", "nn.py"], limits, bare);
    expect(argv).toEqual(["python3", "nn.py"]);
    expect(warnings.join("\n")).toMatch(/filesystem not isolated[\s\S]*apt-get install bubblewrap[\s\S]*network not isolated/);
    expect(warnings.join("\n")).toMatch(/memory not bounded/);
  });

  it("a process without bubblewrap, as root (Docker without user namespaces): its own uid, made after the network namespace", () => {
    const { argv, warnings } = processSandbox("/s", ["python3", "nn.py"], limits, { ...full, bwrap: false });
    expect(argv.slice(0, 4)).toEqual(["unshare", "--net", "--", "setpriv"]);
    expect(argv).toEqual(expect.arrayContaining(["--nproc=1", `--as=${256 * 1024 * 1024}`]));
    expect(argv.slice(-2)).toEqual(["python3", "nn.py"]);
    expect(warnings.join("\n")).toMatch(/runs as a separate unprivileged uid/);
  });
});
