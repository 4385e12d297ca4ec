import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A private copy of a submission folder that any uid may read (folders 0755, files 0644, or
 * 0755 where the owner could execute). A process submission runs as an unused uid, and a
 * folder unpacked by root with a strict umask (0700, as mkdtemp makes them) would otherwise be
 * unreadable to it: the program would fail to start for a reason that is not the student's.
 * The caller removes the copy when done.
 */
export function stageReadable(dir: string): string {
  const staged = mkdtempSync(join(tmpdir(), "gradcheck-submission-"));
  cpSync(dir, staged, { recursive: true });
  openUp(staged);
  return staged;
}

function openUp(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openUp(join(path, entry));
  } else {
    chmodSync(path, st.mode & 0o100 ? 0o755 : 0o644);
  }
}
