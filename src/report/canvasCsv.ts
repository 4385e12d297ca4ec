import type { RosterEntry } from "./RosterEntry.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";
import { cell } from "./summaryCsv.ts";

/**
 * canvas.csv for Canvas's Gradebook import (Grades → Import): the identifying columns of the
 * file Canvas's own gradebook export writes — Student, ID, SIS User ID, SIS Login ID, Section —
 * then one column named after the assignment, holding the points, and the "Points Possible" row
 * Canvas's export puts under the header. Canvas matches a row by ID, SIS User ID or SIS Login
 * ID, so each comes from the roster; without one, the folder name is taken as the SIS Login ID.
 * A roster entry with no submission gets 0 (Canvas leaves a blank cell ungraded). An assignment
 * column whose name matches no assignment creates a new one on import.
 */
export function canvasCsv(
  assignment: string,
  maxPoints: number,
  results: readonly SubmissionResult[],
  roster?: ReadonlyMap<string, RosterEntry>,
): string {
  const lines = [
    ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment].map(cell).join(","),
    [cell("Points Possible"), "", "", "", "", String(maxPoints)].join(","),
  ];
  const points = new Map(results.map((r) => [r.id, r.points]));
  const ids = roster ? [...roster.keys(), ...results.map((r) => r.id).filter((id) => !roster.has(id))] : results.map((r) => r.id);
  for (const id of ids) {
    const p = roster?.get(id);
    lines.push(
      [
        cell(p?.name ?? id),
        cell(p?.canvasId ?? ""),
        cell(p?.sisId ?? ""),
        cell(p?.sisLoginId ?? (p ? "" : id)),
        cell(p?.section ?? ""),
        String(points.get(id) ?? 0),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}
