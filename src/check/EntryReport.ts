/** Where an entry sits, when the caller can say (0-based; column 0 is the bias column). */
export interface EntryLocation {
  readonly layer: number;
  readonly row: number;
  readonly column: number;
  /** how reports name it, e.g. "Θ⁽²⁾[3,0]"; without it, by its flat index "[p]" */
  readonly label?: string;
}

export type Locate = (index: number) => EntryLocation;

/**
 * "not-differentiable": the perturbation crossed a kink; "undecided": the finite-difference
 * error is too large, relative to |n|, to call the entry either way (src/check/Tolerance.ts).
 * Both are set aside, not judged.
 */
export type EntryVerdict = "pass" | "fail" | "not-differentiable" | "undecided";

/** One compared entry: everything a failure message needs. */
export interface EntryReport {
  readonly index: number;
  readonly location?: EntryLocation;
  readonly label: string;
  /** the numerical (finite-difference) value */
  readonly expected: number;
  /** the analytic value under test */
  readonly actual: number;
  readonly absError: number;
  /** |a − n| / max(|a|, |n|), 0 when both are 0 */
  readonly relError: number;
  /** the finite-difference error bound e, reported beside the tolerance */
  readonly errorBound: number;
  /** the pass allowance */
  readonly tolerance: number;
  readonly verdict: EntryVerdict;
}

/**
 * An entry's name: the caller's label, or its flat index. check knows no network, so it invents
 * no layer-and-row name of its own; the network's one convention (Θ⁽ˡ⁾[i,j], from
 * src/network/thetaEntry.ts) arrives as the label.
 */
export function labelOf(index: number, location?: EntryLocation): string {
  return location?.label ?? `[${index}]`;
}
