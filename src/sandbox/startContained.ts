import { randomInt } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, openSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildSpec, Launch } from "./childImplementation.ts";
import { startChild } from "./startChild.ts";
import type { Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import type { LoadSettings } from "./LoadSettings.ts";
import { commandSearchPath, containedPath, noForkFilter, noForkNoSocketFilter, sandboxArgv } from "./sandbox.ts";
import { removeFilesOf, separateUserArgv, separateUserEnv } from "./separateUser.ts";
import { createSubmissionCgroup } from "./submissionCgroup.ts";

export const harness = fileURLToPath(new URL("./moduleHarness.mjs", import.meta.url));

/** One child to start from a staged submission: what runs, how it answers, and what reports call it. */
export interface Contained {
  readonly stagedDir: string;
  readonly description: string;
  readonly channel: ChildSpec["channel"];
  readonly command: readonly string[];
  /** the module harness is mounted beside the submission */
  readonly withHarness: boolean;
}

/** Starts a staged submission's child under the settings' containment and limits. */
export function startContained(
  child: Contained,
  settings: LoadSettings,
  warnings: readonly string[],
): Promise<Implementation | LoadFailure> {
  const { callTimeoutMs, cpuTimeoutMs, startTimeoutMs, hangBudgetMs } = settings;
  const memoryMB = settings.limits.memoryMB;
  const { description, channel } = child;
  const launch = launchIn(child, settings);
  return startChild({ description, channel, launch, warnings, callTimeoutMs, cpuTimeoutMs, startTimeoutMs, memoryMB, hangBudgetMs });
}

/** Where a bare command name is looked for: the system folders for a contained child. */
export const searchPath = (settings: LoadSettings): string[] => commandSearchPath(settings.containment !== "none");

/** Sets up one start: a fresh cgroup, uid and seccomp filter each time the child is (re)started. */
function launchIn({ stagedDir, command, withHarness }: Contained, settings: LoadSettings): () => Launch {
  return (): Launch => {
    if (settings.containment === "none")
      return { argv: command, cwd: stagedDir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", OPENBLAS_NUM_THREADS: "1" } };
    const cgroup = createSubmissionCgroup(settings.limits.memoryMB * 1024 * 1024);
    if (settings.containment === "separate-user") {
      const uid = randomInt(200_000, 1_000_000);
      const env = separateUserEnv(stagedDir, uid);
      const filterFd = settings.can.seccompWithoutBwrap ? openSync(noForkNoSocketFilter, "r") : undefined;
      const argv = separateUserArgv(command, cgroup?.procsFiles ?? [], settings.can, uid);
      return { argv, cwd: stagedDir, env, filterFd, cgroup, sweep: () => removeFilesOf(uid) };
    }
    const filterFd = openSync(noForkFilter, "r");
    const argv = sandboxArgv(
      stagedDir,
      command,
      settings.limits,
      cgroup?.procsFiles ?? [],
      settings.can,
      withHarness ? stagedHarness(stagedDir) : undefined,
    );
    return { argv, cwd: stagedDir, env: { PATH: containedPath }, filterFd, cgroup };
  };
}

/**
 * The harness, copied beside the private copy of the submission: the unused uid that
 * bubblewrap runs as must be able to read what it mounts, and gradcheck itself may be
 * installed under a folder only its owner can enter.
 */
export function stagedHarness(stagedDir: string): string {
  const copy = join(dirname(stagedDir), "moduleHarness.mjs");
  if (!existsSync(copy)) {
    copyFileSync(harness, copy);
    chmodSync(copy, 0o644);
  }
  return copy;
}
