import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { removeStaleStaging } from "../../src/sandbox/stageSubmission.ts";

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A staging folder as a run would leave it: stamped with `owner`, or not stamped at all, `ageMinutes` old. */
function staging(owner: string | undefined, ageMinutes: number): string {
  const dir = mkdtempSync(join(tmpdir(), "gradcheck-staging-"));
  made.push(dir);
  if (owner !== undefined) writeFileSync(join(dir, "owner"), owner);
  const when = new Date(Date.now() - ageMinutes * 60_000);
  utimesSync(dir, when, when);
  return dir;
}

it("a sweep removes folders whose owner is dead and old unstamped ones, never a live or just-created one", () => {
  // A pid above the kernel's maximum (4194304) belongs to no process.
  const deadOwner = staging("4194305 1", 0);
  const liveOwner = staging(String(process.pid), 120);
  const killedBeforeStamping = staging(undefined, 60);
  const beingCreated = staging(undefined, 0);
  removeStaleStaging();
  expect(existsSync(deadOwner)).toBe(false);
  expect(existsSync(liveOwner)).toBe(true);
  expect(existsSync(killedBeforeStamping)).toBe(false);
  expect(existsSync(beingCreated)).toBe(true);
});
