import type { Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import type { SandboxAbilities } from "./sandbox.ts";

export const defaultLoadLimits = { callTimeoutMs: 5000, memoryMB: 512, startTimeoutMs: 20_000, typeScriptTimeoutMs: 30_000 } as const;

export type Loaded = { readonly ok: true; readonly implementation: Implementation } | LoadFailure;

/** What every launcher starts its child with: the limits resolved, and how it is contained. */
export interface LoadSettings {
  readonly limits: { readonly memoryMB: number };
  readonly callTimeoutMs: number;
  readonly cpuTimeoutMs: number;
  readonly startTimeoutMs: number;
  readonly hangBudgetMs?: number;
  readonly can: SandboxAbilities;
  /** how the child is contained: the bubblewrap sandbox, the separate-user fallback, or not at all (--unsafe-no-sandbox) */
  readonly containment: "bwrap" | "separate-user" | "none";
}
