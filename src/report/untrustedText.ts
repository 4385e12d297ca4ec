/**
 * Text that came from a submission (its error messages, its stderr, its file names) is shown
 * to a person who may trust what they see. It is neutralised for each place it is shown, so
 * it can neither draw on the terminal nor add structure to a report.
 */

/** Control characters (ANSI escapes, carriage returns, bells, bidi overrides) shown as \x1b, \u202e; newlines and tabs kept. */
export function neutraliseForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * Terminal-safe, then tags and entities made inert (&lt; &gt; &amp;) and every Markdown
 * metacharacter backslash-escaped, so no heading, list, link, table or tag can be made.
 */
export function neutraliseForMarkdown(text: string): string {
  return neutraliseForTerminal(text)
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    .replace(/[\\`*_{}[\]()#+\-.!|~=]/g, (c) => `\\${c}`)
    .replace(/\n/g, "  \n");
}

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Terminal-safe, then HTML-escaped for text content and attribute values. */
export function neutraliseForHtml(text: string): string {
  return neutraliseForTerminal(text).replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}
