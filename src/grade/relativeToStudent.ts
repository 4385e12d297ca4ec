import { tmpdir } from "node:os";
import { packageRoot } from "../data/packageRoot.ts";
import type { SubmissionResult } from "../report/SubmissionResult.ts";

/** What a regular expression matches literally. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Text as a student can read it: a path into their own folder, wherever the grader saw it (the
 * folder handed to grade, its private staging copy, the sandbox's /submission), becomes
 * relative to that folder, and a path into gradcheck's own files becomes `gradcheck/…`. The
 * grader's machine layout is nobody's business, and a relative path is one the student can open.
 */
export function relativeToStudent(text: string, studentDir: string): string {
  const url = "(?:file://)?",
    folder = studentDir.replace(/\/+$/, "");
  const own = [
    `${literal(tmpdir())}/gradcheck-staging-[^/\\s]+/submission/`,
    // the sandbox's mount point, only where a path starts (not inside a longer path)
    `(?<![\\w./-])/submission/`,
    `${literal(folder)}/`,
  ];
  return text
    .replace(new RegExp(url + `(?:${own.join("|")})`, "g"), "")
    .replace(new RegExp(url + literal(folder) + "(?![\\w.-])", "g"), "your folder")
    .replace(new RegExp(url + literal(packageRoot()) + "/", "g"), "gradcheck/");
}

/** Every message a student (or a report) reads, with relativeToStudent applied. */
export function relativeResult(r: SubmissionResult, studentDir: string): SubmissionResult {
  const rel = (t: string) => relativeToStudent(t, studentDir);
  return {
    ...r,
    items: r.items.map((i) => ({ ...i, message: rel(i.message) })),
    ...(r.reason !== undefined ? { reason: rel(r.reason) } : {}),
    ...(r.notes ? { notes: r.notes.map(rel) } : {}),
  };
}
