import type { EntryReport } from "./EntryReport.ts";
import type { Finding } from "./Finding.ts";
import { functionWords } from "../outcome/findingInfo.ts";
import type { GradientComparison, Hints, PartSummary } from "./compareGradients.ts";
import type { PrecisionReport } from "./precision.ts";

const e = (x: number, digits = 2) => (Number.isFinite(x) ? x.toExponential(digits) : String(x));
const v = (x: number) => (Number.isFinite(x) ? x.toPrecision(12) : String(x));

/** A comparison as text lines: verdict, formula, findings, worst entries, per-layer summary. */
export function renderComparison(c: GradientComparison): string[] {
  const lines: string[] = [];
  lines.push(`${c.passed ? "PASS" : "FAIL"}: ${countsOf(c)}; ‖a − n‖/‖a + n‖ = ${e(c.relativeDifference)}`);
  lines.push(`tolerance: ${c.formula}`);
  if (c.precision) lines.push(renderPrecision(c.precision));
  for (const f of c.findings) lines.push(...renderFinding(f, c.hints));
  if (c.worst.length && c.failed === 0) {
    lines.push("closest to the tolerance:");
    lines.push(...renderEntries(c.worst.slice(0, 3)));
  }
  if (c.layers.length > 1 || c.layers.some((l) => l.bias)) {
    lines.push("per layer:");
    for (const l of c.layers) {
      lines.push(`  layer ${l.layer + 1} weights: ${renderPart(l.weights)}`);
      if (l.bias) lines.push(`  layer ${l.layer + 1} bias:    ${renderPart(l.bias)}`);
    }
  }
  return lines;
}

/** "36 entries compared, 1 outside tolerance, 2 set aside (2 not differentiable here)". */
function countsOf(c: GradientComparison): string {
  const setAside = c.notDifferentiable + c.undecided;
  const why = [
    ...(c.notDifferentiable ? [`${c.notDifferentiable} not differentiable here`] : []),
    ...(c.undecided ? [`${c.undecided} too noisy to decide`] : []),
  ];
  return `${c.judged} entries compared, ${c.failed} outside tolerance, ${setAside} set aside${why.length ? ` (${why.join(", ")})` : ""}`;
}

function renderPrecision(p: PrecisionReport): string {
  const noise = p.relativeNoise === null ? "not measurable (f barely moved along the probe)" : e(p.relativeNoise);
  const how = p.chosenBy === "option" ? "as stated" : "measured";
  return `precision: ${p.used} (${how}); f's noise relative to |f|: ${noise}`;
}

/** A finding as lines; `hints` are the caller's own words for some kinds (a network's, say), in place of the table's. */
export function renderFinding(f: Finding, hints: Hints = {}): string[] {
  const info = functionWords(f.kind);
  const head = `${info.fails ? "✗" : "·"} ${info.title}`;
  const hint = `  hint: ${hints[f.kind] ?? info.hint}`;
  const entries = (n: number) => `${n} entr${n === 1 ? "y" : "ies"}`;
  switch (f.kind) {
    case "gradient-mismatch":
      return [`${head}: ${entries(f.count)}; the worst:`, ...renderEntries(f.worst), hint];
    case "not-differentiable":
    case "too-noisy": {
      const more = f.count > 5 ? ", …" : "";
      return [`${head}: ${entries(f.count)} (${firstFive(f.entries.map((r) => r.label))}${more}) — set aside, not counted either way`];
    }
    case "too-few-compared":
      return [`${head}: ${tooFewCompared(f)}`, hint];
    case "bad-point":
      return [`${head}: got ${f.received}`, hint];
    case "non-finite-value":
      return [`${head}: f(x) = ${f.value}`, hint];
    case "not-reproducible":
      return [`${head}: ${f.label} was ${f.first}, then ${f.second} (allowed difference ${e(f.allowed)})`, hint];
    case "wrong-shape":
      return [`${head}: expected ${f.expected}, got ${f.actual}`, hint];
    case "non-finite":
    case "non-finite-numerical":
      return [`${head}: ${entries(f.count)}, e.g. ${firstFive(f.entries.map((x) => `${x.label} = ${x.value}`))}`, hint];
    case "wrong-gradient-length":
      return [`${head}: expected ${f.expected} entries, got ${f.actual}`, hint];
    case "not-a-gradient":
    case "not-scalar":
      return [`${head}: got ${f.received}`, hint];
    case "threw":
      return [`${head} while computing the ${f.during}: ${f.message}`];
  }
}

/** The first five of a list, as the report shows examples. */
function firstFive(items: readonly string[]): string {
  return items.slice(0, 5).join(", ");
}

/** Why too few entries were compared to decide: the counts, the share allowed, and f's noise. */
function tooFewCompared(f: Extract<Finding, { kind: "too-few-compared" }>): string {
  const noise = f.relativeNoise === null ? "" : `; f's measured noise is ${e(f.relativeNoise)} of |f|`;
  return `${f.judged} of ${f.entries} entries compared, ${f.notDifferentiable} not differentiable here, ${f.tooNoisy} too noisy to decide (at most ${Math.round(f.maxSetAside * 100)} % may be set aside)${noise}`;
}

export function renderEntries(entries: readonly EntryReport[]): string[] {
  const lines = [
    `  ${"entry".padEnd(16)} ${"expected (n)".padStart(20)} ${"actual (a)".padStart(20)} ${"|a − n|".padStart(9)} ${"rel error".padStart(9)} ${"tolerance".padStart(9)} ${"fd error".padStart(9)}`,
  ];
  for (const r of entries) {
    lines.push(
      `  ${r.label.padEnd(16)} ${v(r.expected).padStart(20)} ${v(r.actual).padStart(20)} ${e(r.absError).padStart(9)} ${e(r.relError).padStart(9)} ${e(r.tolerance).padStart(9)} ${e(r.errorBound).padStart(9)}`,
    );
  }
  return lines;
}

function renderPart(p: PartSummary): string {
  return `${p.count} entries, ${p.failed} failed${p.notDifferentiable ? `, ${p.notDifferentiable} not differentiable` : ""}${p.undecided ? `, ${p.undecided} too noisy to decide` : ""}, max |a − n| ${e(p.maxAbsError)}, max rel ${e(p.maxRelError)}`;
}
