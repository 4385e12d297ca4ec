import { neutraliseForTerminal } from "./untrustedText.ts";
import type { RubricOutline } from "./RubricOutline.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";

/**
 * summary.csv for a gradebook: one row per student (id, status, score as a fraction, points,
 * max points, points per test, mistakes, seconds). Every text cell is quoted; a cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, also after
 * leading spaces, which spreadsheets skip) gets a leading apostrophe, the neutralisation OWASP
 * recommends. Control characters (ESC, BEL) are shown escaped, as on a terminal.
 */
export function summaryCsv(rubric: RubricOutline, rows: ReadonlyArray<{ result: SubmissionResult; seconds: number }>): string {
  const header = ["id", "status", "score", "points", "maxPoints", ...rubric.tests.map((t) => `test:${t.id}`), "mistakes", "seconds"];
  const lines = [header.map(cell).join(",")];
  for (const { result: r, seconds } of rows) {
    const perTest = rubric.tests.map((t) => r.items.find((i) => i.id === t.id)?.points ?? 0);
    lines.push(
      [
        cell(r.id),
        cell(r.status),
        number(r.score),
        number(r.points),
        number(r.maxPoints),
        ...perTest.map(number),
        cell(r.mistakes.join(" ")),
        seconds.toFixed(1),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

export function cell(raw: string): string {
  const text = neutraliseForTerminal(raw);
  const safe = /^\s*[=+\-@]|^[\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function number(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}
