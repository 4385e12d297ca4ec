/** ANSI colours for verdict words; blue and orange-red stay apart for colour-blind readers, like the HTML reports. */
const sgr = { fail: "\x1b[1;31m", pass: "\x1b[34m", dim: "\x1b[2m", reset: "\x1b[0m" } as const;

const failWords = /(✗|\bFAIL(?:ED)?\b|\bDIFFER\b|\bDISAGREE\b|\bNOT AS EXPECTED\b)/g;
const passWords = /(✓|\bPASS\b|\bagree\b|\bpassed\b)/g;

/**
 * Colours a line of terminal output, or leaves it alone: colours only when the stream is a
 * terminal and NO_COLOR is unset or empty (no-color.org), so pipes, files and CI logs stay plain.
 */
export function terminalColour(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): (line: string) => string {
  if (!stream.isTTY || (env.NO_COLOR ?? "") !== "") return (line) => line;
  return (line) => {
    if (/^\s*(tolerance:|replay:|hint:)/.test(line)) return `${sgr.dim}${line}${sgr.reset}`;
    return line.replace(failWords, `${sgr.fail}$1${sgr.reset}`).replace(passWords, `${sgr.pass}$1${sgr.reset}`);
  };
}
