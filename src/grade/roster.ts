import { parse } from "csv-parse/sync";
import type { RosterEntry } from "../report/RosterEntry.ts";

export type { RosterEntry };

/** The header names each field is read from, compared without case, spaces or underscores. */
const columns: Readonly<Record<keyof RosterEntry, readonly string[]>> = {
  id: ["id", "studentid", "login", "username"],
  name: ["name", "student", "studentname", "fullname"],
  email: ["email", "emailaddress"],
  sisId: ["sisid", "sisuserid"],
  canvasId: ["canvasid", "canvasuserid"],
  sisLoginId: ["sisloginid"],
  section: ["section"],
};
const key = (header: string) => header.toLowerCase().replace(/[\s_-]/g, "");

export type RosterRead =
  { readonly ok: true; readonly roster: ReadonlyMap<string, RosterEntry> } | { readonly ok: false; readonly error: string };

/**
 * A roster CSV (a header row, then one row per student; csv-parse reads the quoting and the
 * byte-order mark spreadsheets write). The `id` column is required and must be unique; name,
 * email, SIS id, Canvas id, SIS login and section are read when present.
 */
export function readRoster(text: string): RosterRead {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    return { ok: false, error: `not a CSV file: ${(e as Error).message}` };
  }
  if (rows.length === 0) return { ok: false, error: "empty: a header row naming an id column is needed" };
  const header = rows[0].map(key);
  const at = Object.fromEntries(
    Object.entries(columns).map(([field, names]) => [field, header.findIndex((h) => names.includes(h))]),
  ) as Record<keyof RosterEntry, number>;
  if (at.id < 0) return { ok: false, error: `no id column in the header (${rows[0].join(", ")}); name one of: ${columns.id.join(", ")}` };
  const roster = new Map<string, RosterEntry>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const id = row[at.id] ?? "";
    if (id === "") return { ok: false, error: `row ${r + 1}: no id` };
    if (roster.has(id)) return { ok: false, error: `row ${r + 1}: id ${JSON.stringify(id)} appears twice` };
    const entry: Record<string, string> = { id };
    for (const field of Object.keys(columns) as (keyof RosterEntry)[]) if (at[field] >= 0 && row[at[field]]) entry[field] = row[at[field]];
    roster.set(id, entry as unknown as RosterEntry);
  }
  return { ok: true, roster };
}
