import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

/** A fresh folder for the current test, removed when the test finishes (pass or fail). */
export function tempFolder(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gradcheck-${purpose}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
