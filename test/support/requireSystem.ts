import { spawnSync } from "node:child_process";

/**
 * Whether a system program a test needs is here. Missing: the test skips with a visible
 * reason on a developer's machine, and fails under CI=true, where .ci/run installs it.
 */
export function requireSystem(program: string, probe: readonly string[] = ["--version"]): { ok: boolean; reason: string } {
  const found = spawnSync(program, probe, { stdio: "ignore" }).status === 0;
  const reason = `${program} is not installed (apt-get install it; CI installs it in .ci/run)`;
  if (!found && process.env.CI === "true") throw new Error(`required system program missing under CI: ${reason}`);
  if (!found) console.warn(`skipped: ${reason}`);
  return { ok: found, reason };
}
