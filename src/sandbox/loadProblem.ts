/** Why a submission could not be loaded: a closed union, each with one info entry. */
export type LoadProblem =
  | "not-found"
  | "no-entry"
  | "bad-config"
  | "no-export"
  | "syntax-error"
  | "import-failed"
  | "command-not-found"
  | "crashed-on-load"
  | "startup-timeout"
  | "too-large"
  | "refused-folder"
  | "no-sandbox"
  | "sandbox-failed";

export interface LoadFailure {
  readonly ok: false;
  readonly problem: LoadProblem;
  readonly message: string;
}
