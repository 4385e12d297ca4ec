import type { LoadFindingKind, SubmissionStatus } from "../outcome/index.ts";

/** Every way `check` can fail to load a submission, as the grade status it becomes. */
export const loadStatus: Readonly<Record<LoadFindingKind, SubmissionStatus>> = {
  "not-found": "unreadable",
  "no-entry-file": "no-entry-file",
  "bad-config": "cannot-load",
  "no-export": "cannot-load",
  "syntax-error": "cannot-load",
  "import-failed": "cannot-load",
  "command-not-found": "cannot-load",
  "crashed-on-load": "never-answered",
  "startup-timeout": "cannot-load",
  // the folder breaks a staging limit (bytes, files, depth): nothing of it was copied or run
  "too-large": "refused-folder",
  // a symbolic link instead of a folder, or an entry swapped while it was copied
  "refused-folder": "refused-folder",
  // gradcheck's side: no sandbox on this machine, or its machinery failed; the message says which
  "no-sandbox": "cannot-load",
  "sandbox-failed": "cannot-load",
};
