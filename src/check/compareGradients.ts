import { labelOf, type EntryLocation, type EntryReport, type Locate, type EntryVerdict } from "./EntryReport.ts";
import type { Finding } from "./Finding.ts";
import { findingInfo } from "../outcome/findingInfo.ts";
import type { FindingKind } from "../outcome/FindingKind.ts";
import type { PrecisionReport } from "./precision.ts";
import { defaultTolerance, failThresholdOf, toleranceFormula, toleranceOf, type Tolerance } from "./Tolerance.ts";

/** A check that sets aside more than this share of its entries (kinks, too noisy) fails: a pass would say nothing. */
export const defaultMaxSetAside = 0.1;

/** What finite differences (or any oracle) say, entry by entry. FdGradient fits this. */
export interface NumericalGradient {
  readonly estimate: ArrayLike<number>;
  readonly errorBound: ArrayLike<number>;
  /** 1 where the entry's perturbation crossed a kink */
  readonly kink?: ArrayLike<number>;
  /** when only some entries were computed */
  readonly indices?: readonly number[];
  /** what the finite differences assumed about f's precision, and the noise they measured */
  readonly precision?: PrecisionReport;
}

export interface CompareOptions {
  readonly tolerance?: Partial<Tolerance>;
  /** names entries by layer, row and column (column 0 = bias) */
  readonly locate?: Locate;
  /** how many of the worst entries to keep (default 10) */
  readonly worst?: number;
  /** names entries in reports (e.g. "∂f[2]/∂x[0]" for a Jacobian) when they are not network parameters */
  readonly label?: (index: number) => string;
  /** the largest share of entries that may be set aside, as kinks or too noisy to decide, before the check fails (default 0.1) */
  readonly maxSetAside?: number;
  /** hints in the caller's own words for some kinds (a network's Θ⁽ˡ⁾, say), shown instead of the table's */
  readonly hints?: Hints;
}

export type Hints = Readonly<Partial<Record<FindingKind, string>>>;

export interface PartSummary {
  readonly count: number;
  readonly failed: number;
  readonly notDifferentiable: number;
  readonly undecided: number;
  readonly maxAbsError: number;
  readonly maxRelError: number;
}

/** Per layer, the bias column apart from the weights (bias is null without a locate). */
export interface LayerSummary {
  readonly layer: number;
  readonly weights: PartSummary;
  readonly bias: PartSummary | null;
}

export interface GradientComparison {
  readonly passed: boolean;
  readonly tolerance: Tolerance;
  readonly formula: string;
  /** entries with a finite value on both sides */
  readonly entries: number;
  /** of those, judged pass or fail (the rest were set aside: notDifferentiable + undecided) */
  readonly judged: number;
  readonly failed: number;
  readonly notDifferentiable: number;
  /** set aside as too noisy to decide */
  readonly undecided: number;
  /** the entries with the largest |a − n| / tolerance, worst first */
  readonly worst: readonly EntryReport[];
  /** every compared entry, in the order compared (what the report's heatmap and scatter plot) */
  readonly compared: readonly EntryReport[];
  readonly layers: readonly LayerSummary[];
  /** ‖a − n‖ / ‖a + n‖ over the compared finite entries, for reference (the classic single number) */
  readonly relativeDifference: number;
  readonly findings: readonly Finding[];
  /** the precision the numerical side assumed, and the noise it measured (when it measured any) */
  readonly precision?: PrecisionReport;
  /** the caller's own hints, when it gave any (CompareOptions.hints) */
  readonly hints?: Hints;
}

/**
 * Compares an analytic gradient with a numerical one, entry by entry, under the stated
 * tolerance. Never throws on a bad gradient: wrong types, lengths and non-finite entries are
 * findings, and the entries that can be compared still are.
 */
export function compareGradients(analytic: unknown, numerical: NumericalGradient, options: CompareOptions = {}): GradientComparison {
  const tolerance: Tolerance = { ...defaultTolerance, ...options.tolerance };
  const keep = options.worst ?? 10;
  const a = asNumbers(analytic);
  const precision = numerical.precision;
  if (a === null)
    return summarise({
      tolerance,
      keep,
      reports: [],
      findings: [{ kind: "not-a-gradient", received: describeValue(analytic) }],
      precision,
      hints: options.hints,
    });
  // A wrong length is reported first and alone: every entry after a missing one would be a shifted "mismatch".
  if (a.length !== numerical.estimate.length)
    return summarise({
      tolerance,
      keep,
      reports: [],
      findings: [{ kind: "wrong-gradient-length", expected: numerical.estimate.length, actual: a.length }],
      precision,
      hints: options.hints,
    });
  const compared = compareEntries(a, numerical, tolerance, options.locate, options.label);
  const findings = findingsOf(compared, keep);
  const vacuous = vacuousFinding(compared.reports, options.maxSetAside ?? defaultMaxSetAside, precision);
  if (vacuous && !findings.some((f) => findingInfo[f.kind].fails)) findings.push(vacuous);
  return summarise({ tolerance, keep, reports: compared.reports, findings, precision, hints: options.hints });
}

/** The finding that fails a check which judged none of its entries, or set aside more than `maxSetAside` of them. */
function vacuousFinding(reports: readonly EntryReport[], maxSetAside: number, precision: PrecisionReport | undefined): Finding | null {
  const notDifferentiable = reports.filter((r) => r.verdict === "not-differentiable").length;
  const tooNoisy = reports.filter((r) => r.verdict === "undecided").length;
  const judged = reports.length - notDifferentiable - tooNoisy;
  if (judged > 0 && notDifferentiable + tooNoisy <= maxSetAside * reports.length) return null;
  const relativeNoise = precision?.relativeNoise ?? null;
  return { kind: "too-few-compared", entries: reports.length, judged, notDifferentiable, tooNoisy, maxSetAside, relativeNoise };
}

type NonFinite = { index: number; label: string; value: number };

/** The entries that could be compared, and those that could not because a side is not finite. */
interface ComparedEntries {
  readonly reports: EntryReport[];
  readonly nonFiniteA: NonFinite[];
  readonly nonFiniteN: NonFinite[];
}

/** Step 1: each entry the numerical side computed (all, or just `indices`), in that order. */
function compareEntries(
  a: ArrayLike<unknown>,
  numerical: NumericalGradient,
  tolerance: Tolerance,
  locate: Locate | undefined,
  name?: (index: number) => string,
): ComparedEntries {
  const order = numerical.indices ?? null;
  const count = order ? order.length : numerical.estimate.length;
  const compared: ComparedEntries = { reports: [], nonFiniteA: [], nonFiniteN: [] };
  for (let q = 0; q < count; q++) {
    const i = order ? order[q] : q;
    if (i >= a.length) continue;
    const location = locate ? safeLocate(locate, i) : undefined;
    const label = name?.(i) ?? labelOf(i, location);
    const ai = Number(a[i]),
      ni = numerical.estimate[i],
      ei = numerical.errorBound[i];
    if (!Number.isFinite(ai)) compared.nonFiniteA.push({ index: i, label, value: ai });
    else if (!Number.isFinite(ni) || Number.isNaN(ei)) compared.nonFiniteN.push({ index: i, label, value: ni });
    else {
      const kink = numerical.kink ? numerical.kink[i] === 1 : false;
      compared.reports.push(compareEntry({ index: i, location, label, actual: ai, expected: ni, errorBound: ei, kink }, tolerance));
    }
  }
  return compared;
}

interface EntryPair {
  readonly index: number;
  readonly location: EntryLocation | undefined;
  readonly label: string;
  readonly actual: number;
  readonly expected: number;
  readonly errorBound: number;
  readonly kink: boolean;
}

/** One finite entry against its tolerance; a kink is reported, never judged, and so is an entry too noisy to call either way. */
function compareEntry(e: EntryPair, tolerance: Tolerance): EntryReport {
  const absError = Math.abs(e.actual - e.expected);
  const big = Math.max(Math.abs(e.actual), Math.abs(e.expected));
  const relError = big === 0 ? 0 : absError / big;
  const tol = toleranceOf(tolerance, e.expected, e.errorBound);
  const verdict: EntryVerdict = e.kink
    ? "not-differentiable"
    : absError <= tol
      ? "pass"
      : absError > failThresholdOf(tolerance, e.expected, e.errorBound)
        ? "fail"
        : "undecided";
  const { index, location, label, expected, actual, errorBound } = e;
  return { index, ...(location ? { location } : {}), label, expected, actual, absError, relError, errorBound, tolerance: tol, verdict };
}

/** Step 2: the findings — wrong entries first, as the headline, then the rest. */
function findingsOf(compared: ComparedEntries, keep: number): Finding[] {
  const findings: Finding[] = [];
  const { reports, nonFiniteA, nonFiniteN } = compared;
  const failures = reports.filter((r) => r.verdict === "fail").sort(byBadness);
  if (failures.length) findings.push({ kind: "gradient-mismatch", count: failures.length, worst: failures.slice(0, keep) });
  if (nonFiniteA.length) findings.push({ kind: "non-finite", count: nonFiniteA.length, entries: nonFiniteA.slice(0, keep) });
  if (nonFiniteN.length) findings.push({ kind: "non-finite-numerical", count: nonFiniteN.length, entries: nonFiniteN.slice(0, keep) });
  const kinks = reports.filter((r) => r.verdict === "not-differentiable");
  if (kinks.length) findings.push({ kind: "not-differentiable", count: kinks.length, entries: kinks.slice(0, keep) });
  const noisy = reports.filter((r) => r.verdict === "undecided");
  if (noisy.length) findings.push({ kind: "too-noisy", count: noisy.length, entries: noisy.slice(0, keep) });
  return findings;
}

interface Summarise {
  readonly tolerance: Tolerance;
  /** how many of the worst entries to keep */
  readonly keep: number;
  readonly reports: readonly EntryReport[];
  readonly findings: Finding[];
  readonly precision: PrecisionReport | undefined;
  readonly hints: Hints | undefined;
}

/** Step 3: the verdict, the counts, the worst entries and the per-layer summaries. */
function summarise({ tolerance, keep, reports, findings, precision, hints }: Summarise): GradientComparison {
  const judged = reports.filter((r) => r.verdict === "pass" || r.verdict === "fail");
  return {
    passed: !findings.some((f) => findingInfo[f.kind].fails),
    tolerance,
    formula: toleranceFormula(tolerance),
    entries: reports.length,
    judged: judged.length,
    failed: reports.filter((r) => r.verdict === "fail").length,
    notDifferentiable: reports.filter((r) => r.verdict === "not-differentiable").length,
    undecided: reports.filter((r) => r.verdict === "undecided").length,
    worst: [...judged].sort(byBadness).slice(0, keep),
    compared: reports,
    layers: layerSummaries(reports),
    relativeDifference: relativeDifferenceOf(judged),
    findings,
    ...(precision ? { precision } : {}),
    ...(hints ? { hints } : {}),
  };
}

/** ‖a − n‖ / ‖a + n‖, summed in entry order. */
function relativeDifferenceOf(judged: readonly EntryReport[]): number {
  let diff2 = 0,
    sum2 = 0;
  for (const r of judged) {
    diff2 += (r.actual - r.expected) ** 2;
    sum2 += (r.actual + r.expected) ** 2;
  }
  return sum2 === 0 ? (diff2 === 0 ? 0 : Infinity) : Math.sqrt(diff2) / Math.sqrt(sum2);
}

type MutablePart = { -readonly [K in keyof PartSummary]: PartSummary[K] };

const emptyPart = (): MutablePart => ({ count: 0, failed: 0, notDifferentiable: 0, undecided: 0, maxAbsError: 0, maxRelError: 0 });

/** Per layer, weights and bias column apart (without a location, everything is layer 0 weights). */
function layerSummaries(reports: readonly EntryReport[]): LayerSummary[] {
  const parts = new Map<string, MutablePart>();
  const layerIds = new Set<number>();
  for (const r of reports) {
    const layer = r.location?.layer ?? 0,
      bias = r.location ? r.location.column === 0 : false;
    const key = `${layer}:${bias}`;
    layerIds.add(layer);
    const part = parts.get(key) ?? emptyPart();
    parts.set(key, part);
    part.count++;
    if (r.verdict === "fail") part.failed++;
    if (r.verdict === "not-differentiable") part.notDifferentiable++;
    else if (r.verdict === "undecided") part.undecided++;
    else {
      part.maxAbsError = Math.max(part.maxAbsError, r.absError);
      part.maxRelError = Math.max(part.maxRelError, r.relError);
    }
  }
  return [...layerIds]
    .sort((x, y) => x - y)
    .map((layer) => ({ layer, weights: parts.get(`${layer}:false`) ?? emptyPart(), bias: parts.get(`${layer}:true`) ?? null }));
}

/** Worst first: how many tolerances away from agreement. */
function byBadness(p: EntryReport, q: EntryReport): number {
  return q.absError / q.tolerance - p.absError / p.tolerance;
}

function asNumbers(x: unknown): ArrayLike<unknown> | null {
  if (x === null || typeof x !== "object") return null;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return x as unknown as ArrayLike<unknown>;
  if (Array.isArray(x)) return x;
  const length = (x as { length?: unknown }).length;
  return typeof length === "number" && Number.isInteger(length) && length >= 0 ? (x as ArrayLike<unknown>) : null;
}

/** A comparison that never got to compare: only findings (the function threw, returned the wrong kind of value). */
export function comparisonOfFindings(findings: Finding[], options: CompareOptions = {}): GradientComparison {
  return summarise({
    tolerance: { ...defaultTolerance, ...options.tolerance },
    keep: options.worst ?? 10,
    reports: [],
    findings,
    precision: undefined,
    hints: options.hints,
  });
}

/** A short description of a value that is not what was expected, never its whole content. */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return `a ${x.constructor.name} of ${(x as unknown as ArrayLike<number>).length}`;
  if (typeof x === "object")
    return `an object with keys ${
      Object.keys(x as object)
        .slice(0, 5)
        .join(", ") || "(none)"
    }`;
  return `${typeof x} ${String(x).slice(0, 40)}`;
}

function safeLocate(locate: Locate, i: number): EntryLocation | undefined {
  try {
    return locate(i);
  } catch {
    return undefined;
  }
}
