import { labelOf, type EntryLocation, type EntryReport, type Locate, type Verdict } from "./EntryReport.ts";
import { findingInfo, type Finding } from "./Finding.ts";
import { defaultTolerance, toleranceFormula, toleranceOf, type Tolerance } from "./Tolerance.ts";

/** What finite differences (or any oracle) say, entry by entry. FdGradient fits this. */
export interface NumericalGradient {
  readonly estimate: ArrayLike<number>;
  readonly errorBound: ArrayLike<number>;
  /** 1 where the entry's perturbation crossed a kink */
  readonly kink?: ArrayLike<number>;
  /** when only some entries were computed */
  readonly indices?: readonly number[];
}

export interface CompareOptions {
  readonly tolerance?: Partial<Tolerance>;
  /** names entries by layer, row and column (column 0 = bias) */
  readonly locate?: Locate;
  /** how many of the worst entries to keep (default 10) */
  readonly worst?: number;
  /** names entries in reports (e.g. "∂f₂/∂x₀" for a Jacobian) when they are not network parameters */
  readonly label?: (index: number) => string;
}

export interface PartSummary {
  readonly count: number;
  readonly failed: number;
  readonly notDifferentiable: number;
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
  /** entries compared */
  readonly entries: number;
  readonly failed: number;
  readonly notDifferentiable: number;
  /** the entries with the largest |a − n| / tolerance, worst first */
  readonly worst: readonly EntryReport[];
  readonly layers: readonly LayerSummary[];
  /** ‖a − n‖ / ‖a + n‖ over the compared finite entries, for reference (the classic single number) */
  readonly relativeDifference: number;
  readonly findings: readonly Finding[];
}

/**
 * Compares an analytic gradient with a numerical one, entry by entry, under the stated
 * tolerance. Never throws on a bad gradient: wrong types, lengths and non-finite entries are
 * findings, and the entries that can be compared still are.
 */
export function compareGradients(analytic: unknown, numerical: NumericalGradient, options: CompareOptions = {}): GradientComparison {
  const tolerance: Tolerance = { ...defaultTolerance, ...options.tolerance };
  const keep = options.worst ?? 10;
  const locate = options.locate;
  const findings: Finding[] = [];
  const n = numerical.estimate.length;

  const a = asNumbers(analytic);
  if (a === null) {
    findings.push({ kind: "not-a-gradient", received: describeValue(analytic) });
    return finish(tolerance, 0, [], [], new Map(), 0, findings);
  }
  if (a.length !== n) findings.push({ kind: "wrong-length", expected: n, actual: a.length });

  const order = numerical.indices ?? null;
  const count = order ? order.length : n;
  const reports: EntryReport[] = [];
  const nonFiniteA: { index: number; label: string; value: number }[] = [];
  const nonFiniteN: { index: number; label: string; value: number }[] = [];
  const parts = new Map<string, { layer: number; bias: boolean; s: MutablePart }>();
  let diff2 = 0, sum2 = 0;

  for (let q = 0; q < count; q++) {
    const i = order ? order[q] : q;
    if (i >= a.length) continue;
    const location = locate ? safeLocate(locate, i) : undefined;
    const label = options.label?.(i) ?? labelOf(i, location);
    const ai = Number(a[i]), ni = numerical.estimate[i], ei = numerical.errorBound[i];
    if (!Number.isFinite(ai)) {
      nonFiniteA.push({ index: i, label, value: ai });
      continue;
    }
    if (!Number.isFinite(ni) || Number.isNaN(ei)) {
      nonFiniteN.push({ index: i, label, value: ni });
      continue;
    }
    const absError = Math.abs(ai - ni);
    const big = Math.max(Math.abs(ai), Math.abs(ni));
    const relError = big === 0 ? 0 : absError / big;
    const tol = toleranceOf(tolerance, ni, ei);
    const kink = numerical.kink ? numerical.kink[i] === 1 : false;
    const verdict: Verdict = kink ? "not-differentiable" : absError <= tol ? "pass" : "fail";
    const report: EntryReport = { index: i, ...(location ? { location } : {}), label, expected: ni, actual: ai, absError, relError, errorBound: ei, tolerance: tol, verdict };
    reports.push(report);
    if (!kink) {
      diff2 += (ai - ni) ** 2;
      sum2 += (ai + ni) ** 2;
    }
    const layer = location?.layer ?? 0, bias = location ? location.column === 0 : false;
    const key = `${layer}:${bias}`;
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { layer, bias, s: { count: 0, failed: 0, notDifferentiable: 0, maxAbsError: 0, maxRelError: 0 } }));
    part.s.count++;
    if (verdict === "fail") part.s.failed++;
    if (verdict === "not-differentiable") part.s.notDifferentiable++;
    else {
      part.s.maxAbsError = Math.max(part.s.maxAbsError, absError);
      part.s.maxRelError = Math.max(part.s.maxRelError, relError);
    }
  }

  if (nonFiniteA.length) findings.push({ kind: "non-finite-gradient", count: nonFiniteA.length, entries: nonFiniteA.slice(0, keep) });
  if (nonFiniteN.length) findings.push({ kind: "non-finite-numerical", count: nonFiniteN.length, entries: nonFiniteN.slice(0, keep) });
  const failures = reports.filter((r) => r.verdict === "fail").sort(byBadness);
  if (failures.length) findings.unshift({ kind: "wrong-entries", count: failures.length, worst: failures.slice(0, keep) });
  const kinks = reports.filter((r) => r.verdict === "not-differentiable");
  if (kinks.length) findings.push({ kind: "not-differentiable", count: kinks.length, entries: kinks.slice(0, keep) });

  const relativeDifference = sum2 === 0 ? (diff2 === 0 ? 0 : Infinity) : Math.sqrt(diff2) / Math.sqrt(sum2);
  const worst = reports.filter((r) => r.verdict !== "not-differentiable").sort(byBadness).slice(0, keep);
  return finish(tolerance, reports.length, worst, reports, parts, relativeDifference, findings);
}

/** A comparison that never got to compare: only findings (the function threw, returned the wrong kind of value). */
export function comparisonOfFindings(findings: Finding[], options: CompareOptions = {}): GradientComparison {
  return finish({ ...defaultTolerance, ...options.tolerance }, 0, [], [], new Map(), NaN, findings);
}

type MutablePart = { -readonly [K in keyof PartSummary]: PartSummary[K] };

function finish(
  tolerance: Tolerance,
  entries: number,
  worst: EntryReport[],
  reports: EntryReport[],
  parts: Map<string, { layer: number; bias: boolean; s: MutablePart }>,
  relativeDifference: number,
  findings: Finding[],
): GradientComparison {
  const layerIds = [...new Set([...parts.values()].map((p) => p.layer))].sort((x, y) => x - y);
  const empty = (): PartSummary => ({ count: 0, failed: 0, notDifferentiable: 0, maxAbsError: 0, maxRelError: 0 });
  const layers: LayerSummary[] = layerIds.map((layer) => ({
    layer,
    weights: parts.get(`${layer}:false`)?.s ?? empty(),
    bias: parts.get(`${layer}:true`)?.s ?? null,
  }));
  const failed = reports.filter((r) => r.verdict === "fail").length;
  const notDifferentiable = reports.filter((r) => r.verdict === "not-differentiable").length;
  const passed = !findings.some((f) => findingInfo[f.kind].fails);
  return { passed, tolerance, formula: toleranceFormula(tolerance), entries, failed, notDifferentiable, worst, layers, relativeDifference, findings };
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

/** A short description of a value that is not what was expected, never its whole content. */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return `a ${x.constructor.name} of ${(x as unknown as ArrayLike<number>).length}`;
  if (typeof x === "object") return `an object with keys ${Object.keys(x as object).slice(0, 5).join(", ") || "(none)"}`;
  return `${typeof x} ${String(x).slice(0, 40)}`;
}

function safeLocate(locate: Locate, i: number): EntryLocation | undefined {
  try {
    return locate(i);
  } catch {
    return undefined;
  }
}
