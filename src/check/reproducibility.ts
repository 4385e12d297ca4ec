import type { Finding } from "./Finding.ts";

/**
 * The first entry where two answers to the same call differ by more than `tolerance`
 * (|first − second| > tolerance), as a finding; null when they agree or are not both arrays
 * of numbers (the comparison reports those). NaN equals NaN here: a NaN is reported as such later.
 */
export function reproducibilityFinding(
  first: unknown,
  second: unknown,
  tolerance: number,
  label: (index: number) => string = (i) => `[${i}]`,
): Finding | null {
  if (!isNumbers(first) || !isNumbers(second) || first.length !== second.length) return null;
  for (let i = 0; i < first.length; i++) {
    const p = Number(first[i]),
      q = Number(second[i]);
    if (p === q || (Number.isNaN(p) && Number.isNaN(q))) continue;
    if (!(Math.abs(p - q) <= tolerance)) return { kind: "not-reproducible", label: label(i), first: p, second: q, allowed: tolerance };
  }
  return null;
}

function isNumbers(x: unknown): x is ArrayLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number";
}
