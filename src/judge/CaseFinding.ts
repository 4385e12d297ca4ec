import type { CostAndGradient } from "../network/Network.ts";
import type { ThetaEntry } from "../network/thetaEntry.ts";
import type { SubmissionFindingKind } from "../outcome/index.ts";

/** What judging one case found: a finding per problem, with where and by how much. */
export interface CaseFinding {
  readonly problem: SubmissionFindingKind;
  /** "a": against gradcheck's cost and gradient; "b": against finite differences of its own cost */
  readonly check?: "a" | "b";
  readonly message: string;
  /** the entry with the largest error (see src/network/thetaEntry.ts for the convention) */
  readonly where?: ThetaEntry;
  readonly expected?: number;
  readonly actual?: number;
  /** the process ended before its first answer (see CallOutcome) */
  readonly neverAnswered?: boolean;
  /** for gradient-mismatch: which parts of each Θ⁽ˡ⁾ disagree ("Θ⁽¹⁾ bias", "Θ⁽²⁾ weights") */
  readonly wrongParts?: readonly string[];
  /** for not-reproducible: the two answers to the same case */
  readonly answers?: readonly { readonly J: number; readonly grad: readonly number[] }[];
}

export interface CaseVerdict {
  readonly ok: boolean;
  readonly findings: CaseFinding[];
  readonly reference: CostAndGradient;
  readonly submitted?: { readonly J: number; readonly grad: Float64Array };
  readonly mutated: readonly string[];
}
