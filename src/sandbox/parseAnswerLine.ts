/**
 * One JSON line from a submission's process. Python's json.dumps writes NaN, Infinity and
 * -Infinity bare, which JSON.parse rejects; they are turned into the strings "NaN",
 * "Infinity", "-Infinity" (which the reader maps back to numbers) — but only outside string
 * literals, so an error message that mentions NaN stays intact. Returns undefined for a line
 * that is not JSON (stdout noise).
 */
export function parseAnswerLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    // fall through: maybe bare non-finite numbers
  }
  let out = "";
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      out += ch;
      if (ch === "\\") out += line[++i] ?? "";
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const word = /^(-?Infinity|NaN)/.exec(line.slice(i, i + 9))?.[1];
    // a whole token only: not the tail of a word or a number (1NaN, xInfinity)
    if (word && !/[\w.]/.test(line[i - 1] ?? "") && !/\w/.test(line[i + word.length] ?? "")) {
      out += `"${word}"`;
      i += word.length - 1;
      continue;
    }
    out += ch;
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}
