import { existsSync } from "node:fs";
import { it, type TestAPI } from "vitest";

export interface SystemRequirement {
  readonly available: boolean;
  /** why the tests that need it cannot run here */
  readonly reason: string;
}

/** Is the Debian package's file present? */
export function systemFile(pkg: string, file: string): SystemRequirement {
  const available = existsSync(file);
  return { available, reason: available ? "" : `needs the system package ${pkg} (${file} is missing; apt-get install ${pkg})` };
}

/**
 * The `it` for tests that need a system package. When it is missing they are skipped with the
 * reason in their title and on stderr — except under CI=true, where one test fails with that
 * reason: CI installs every package the tests need, so a missing one is a broken CI, not a skip.
 */
export function itWith(requirement: SystemRequirement): TestAPI {
  if (requirement.available) return it;
  if (process.env.CI === "true") {
    it(`system package present (CI=true): ${requirement.reason}`, () => {
      throw new Error(requirement.reason);
    });
  } else {
    process.stderr.write(`skipping: ${requirement.reason}\n`);
  }
  const skipped = ((name: string, ...rest: unknown[]) =>
    (it.skip as (n: string, ...r: unknown[]) => void)(`${name} [skipped: ${requirement.reason}]`, ...rest)) as unknown as TestAPI;
  return skipped;
}

/**
 * The same rule for a whole `describe.runIf(...)` block (or an `it.runIf`): true when the
 * facility is there; otherwise the reason goes to stderr and the tests are skipped — except
 * under CI=true, where the missing facility is an error.
 */
export function requireSystem(what: string, available: boolean, howToGetIt: string): boolean {
  if (available) return true;
  const reason = `needs ${what} (${howToGetIt})`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI=true requires it`);
  process.stderr.write(`skipping: ${reason}\n`);
  return false;
}
