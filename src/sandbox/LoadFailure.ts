import type { LoadFindingKind } from "../outcome/index.ts";

/** A submission that could not be loaded: why (a kind from the one table in src/outcome), and the details. */
export interface LoadFailure {
  readonly ok: false;
  readonly problem: LoadFindingKind;
  readonly message: string;
}
