import type { RosterEntry } from "./RosterEntry.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";
import { cell } from "./summaryCsv.ts";

/**
 * roster.csv: the roster joined to the grades, one row per student of either — a roster entry
 * with no folder is `missing` (0 points), a folder with no roster entry keeps empty name cells
 * so nobody is dropped.
 */
export function rosterCsv(roster: ReadonlyMap<string, RosterEntry>, results: readonly SubmissionResult[], maxPoints: number): string {
  const lines = [["id", "name", "email", "sis_id", "status", "points", "maxPoints", "score"].map(cell).join(",")];
  const byId = new Map(results.map((r) => [r.id, r]));
  const ids = [...new Set([...roster.keys(), ...byId.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) {
    const p = roster.get(id),
      r = byId.get(id);
    lines.push(
      [
        cell(id),
        cell(p?.name ?? ""),
        cell(p?.email ?? ""),
        cell(p?.sisId ?? ""),
        cell(r?.status ?? "missing"),
        String(r?.points ?? 0),
        String(maxPoints),
        String(Math.round((r?.score ?? 0) * 1e6) / 1e6),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** Who is on one list and not the other: said on stderr and in class.md, never silently. */
export function rosterMismatch(roster: ReadonlyMap<string, RosterEntry>, results: readonly SubmissionResult[]): string[] {
  const ids = new Set(results.map((r) => r.id));
  const notes: string[] = [];
  const missing = [...roster.keys()].filter((id) => !ids.has(id));
  const unknown = [...ids].filter((id) => !roster.has(id));
  if (missing.length) notes.push(`on the roster but no submission: ${missing.join(", ")}`);
  if (unknown.length) notes.push(`a submission but not on the roster: ${unknown.join(", ")}`);
  return notes;
}
