import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sandboxAbilities } from "../../src/sandbox/sandbox.ts";
import { createSubmissionCgroup } from "../../src/sandbox/submissionCgroup.ts";
import { requireSystem } from "../support/requireSystem.ts";

/** Runs `node -e source` inside a fresh group limited to limitMB and returns the group, its process ended. */
async function runInGroup(limitMB: number, source: string) {
  const group = createSubmissionCgroup(limitMB * 2 ** 20);
  if (!group) throw new Error("no cgroup could be made");
  // The shell joins the group before it execs node, as the sandbox's entry step does.
  const child = spawn(
    "bash",
    ["-c", 'for f in "$@"; do echo $$ > "$f" || exit 125; done; exec "$0" -e "$SOURCE"', process.execPath, ...group.procsFiles],
    { stdio: "ignore", env: { ...process.env, SOURCE: source } },
  );
  await new Promise((done) => child.on("close", done));
  return group;
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
});
