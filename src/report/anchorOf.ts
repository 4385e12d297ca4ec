/**
 * A fragment id for a student or a mistake that is safe in any attribute and URL and unique
 * per name: letters, digits, '-' and '_' stay, every other character becomes _hex_.
 */
export function anchorOf(kind: string, name: string): string {
  return `${kind}-${[...name].map((c) => (/[A-Za-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join("")}`;
}
