import type { MistakeId } from "../mistakes/index.ts";
import type { RubricOutline } from "./RubricOutline.ts";

/** What one submission lost under the rubric, test by test (points lost, 0 for a test passed). */
export interface DryRunRow {
  /** "reference", or the catalogue id of the one mistake planted */
  readonly answer: "reference" | MistakeId;
  readonly lost: Readonly<Record<string, number>>;
  readonly total: number;
  /** the mistakes the diagnosis named, to see whether it names the one planted */
  readonly named: readonly MistakeId[];
}

export interface DryRun {
  readonly rubric: RubricOutline;
  readonly rows: readonly DryRunRow[];
  /** tests gradcheck's own reference solution fails: a rubric that would fail a correct student */
  readonly referenceFails: readonly string[];
  /** catalogued mistakes that lose no points: slips the rubric does not see */
  readonly free: readonly MistakeId[];
}

/** The dry run as a plain-text table: one row per answer, one column per test, points lost. */
export function dryRunTable(d: DryRun): string[] {
  const ids = d.rubric.tests.map((t) => t.id);
  const first = Math.max(...d.rows.map((r) => r.answer.length), "answer".length);
  const width = ids.map((id) => Math.max(id.length, 3));
  const row = (name: string, cells: readonly string[], total: string, note = "") =>
    [name.padEnd(first), ...cells.map((c, k) => c.padStart(width[k])), total.padStart(5), note].join("  ").trimEnd();
  return [
    `rubric "${d.rubric.name}": points lost by gradcheck's reference and by each catalogued mistake of its family`,
    "",
    row("answer", ids, "lost"),
    row(
      "",
      ids.map((id) => String(d.rubric.tests.find((t) => t.id === id)!.points)),
      "of",
    ),
    ...d.rows.map((r) =>
      row(
        r.answer,
        ids.map((id) => (r.lost[id] ? `−${r.lost[id]}` : "·")),
        String(r.total),
        noteOf(r),
      ),
    ),
    "",
    ...verdict(d),
  ];
}

/** What a row says beside its points: a reference that fails, a mistake that costs nothing, a diagnosis that names another. */
function noteOf(r: DryRunRow): string {
  if (r.answer === "reference") return r.total > 0 ? "!! the reference fails" : "";
  if (r.total === 0) return "!! loses no points";
  return r.named.includes(r.answer) ? "" : `(named: ${r.named.join(", ") || "nothing"})`;
}

function verdict(d: DryRun): string[] {
  const lines: string[] = [];
  if (d.referenceFails.length)
    lines.push(`!! tests the reference solution fails: ${d.referenceFails.join(", ")} (they would fail a correct student)`);
  if (d.free.length) lines.push(`!! mistakes that lose no points: ${d.free.join(", ")} (the rubric does not see them)`);
  if (!d.referenceFails.length && !d.free.length) lines.push("the reference passes every test, and every catalogued mistake loses points");
  return lines;
}
