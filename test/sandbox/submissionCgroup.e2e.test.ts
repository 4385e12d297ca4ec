import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sandboxAbilities } from "../../src/sandbox/sandbox.ts";
import { createSubmissionCgroup } from "../../src/sandbox/submissionCgroup.ts";
import { requireSystem } from "../helpers/requireSystem.ts";

/** Starts `node -e source` inside a fresh group limited to limitMB. */
function startInGroup(limitMB: number, source: string) {
  const group = createSubmissionCgroup(limitMB * 2 ** 20);
  if (!group) throw new Error("no cgroup could be made");
  // The shell joins the group before it execs node, as the sandbox's entry step does.
  const child = spawn(
    "bash",
    ["-c", 'for f in "$@"; do echo $$ > "$f" || exit 125; done; exec "$0" -e "$SOURCE"', process.execPath, ...group.procsFiles],
    { stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, SOURCE: source } },
  );
  const ended = new Promise((done) => child.on("close", done));
  return { group, child, ended };
}

/** Runs `node -e source` inside a fresh group and returns the group, its process ended. */
async function runInGroup(limitMB: number, source: string) {
  const { group, ended } = startInGroup(limitMB, source);
  await ended;
  return group;
}

/** The group of a child that printed "ready" once it reached the state to look at, with the child still alive. */
async function whenReady(limitMB: number, source: string) {
  const started = startInGroup(limitMB, source);
  await new Promise<void>((ready) => started.child.stdout!.once("data", () => ready()));
  return started;
}

describe.runIf(
  requireSystem(
    "a writable cgroup",
    sandboxAbilities().cgroup !== null,
    "run as root with cgroup v1, or delegate the v2 cpu and memory controllers",
  ),
)("a submission's cgroup", { timeout: 120_000 }, () => {
  it("records that a hog reached the memory limit, whether the kernel or a time limit stopped it", async () => {
    const group = await runInGroup(96, "const h = []; for (;;) h.push(new Float64Array(1 << 22).fill(1));");
    try {
      expect(group.reachedLimit()).toBe(true);
      expect(group.oomKilled()).toBe(true);
    } finally {
      group.remove();
    }
  });

  it("records nothing for a process that stays well under it", async () => {
    const group = await runInGroup(256, "new Float64Array(1 << 17).fill(1);");
    try {
      expect(group.reachedLimit()).toBe(false);
      expect(group.oomKilled()).toBe(false);
      expect(group.cpuMs()).toBeGreaterThan(0);
    } finally {
      group.remove();
    }
  });

  it("tells a child that wants a CPU (a starved or spinning one) from a sleeping one", async () => {
    const spinner = await whenReady(256, "console.log('ready'); for (;;);");
    const sleeper = await whenReady(256, "console.log('ready'); setTimeout(() => {}, 600_000);");
    try {
      // A spinner never sleeps: running or waiting for a core, it is R at every look.
      for (let look = 0; look < 5; look++) expect(spinner.group.wantsCpu()).toBe(true);
      // The sleeper settles into its event loop's wait soon after printing; look until it has.
      let asleep = false;
      for (let look = 0; look < 200 && !asleep; look++) {
        asleep = !sleeper.group.wantsCpu();
        if (!asleep) await new Promise((r) => setTimeout(r, 50));
      }
      expect(asleep).toBe(true);
    } finally {
      for (const s of [spinner, sleeper]) {
        s.group.killAll();
        await s.ended;
        s.group.remove();
      }
    }
  });
});
