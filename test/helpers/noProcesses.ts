/**
 * Setup of the unit project: a unit test starts no process. Every way node:child_process has
 * of starting one throws instead, naming the way out, so a test that needs a sandbox, a
 * Python, an Octave or the CLI cannot creep into `npm test` and make it slow again.
 */
import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";

const starters = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const;

for (const name of starters) {
  (childProcess as unknown as Record<string, unknown>)[name] = () => {
    throw new Error(
      `a unit test started a process (child_process.${name}): tests that need processes, sandboxes or the CLI belong in a *.e2e.test.ts file`,
    );
  };
}
// Named imports (`import { spawn } from "node:child_process"`) see the change too.
syncBuiltinESMExports();
