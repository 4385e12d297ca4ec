/**
 * Text that came from a submission (its error messages, its stderr, its file names) is shown
 * to a person who may trust what they see. It is neutralised for each place it is shown, so
 * it can neither draw on the terminal nor add structure to a report. Every renderer escapes
 * through this file, and it imports nothing.
 */

/** What text from a submission may not carry as itself: control characters (C0 but newline and tab, DEL, C1) and bidi controls. */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters (ANSI escapes, carriage returns, bells, bidi overrides) shown as \x1b, \u202e; newlines and tabs kept. */
export function neutraliseForTerminal(text: string): string {
  return text.replace(unsafe, (c) => {
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

/**
 * Text for HTML content and attribute values: anything a submission or a user wrote goes
 * through this. Beyond the five entities, control characters and bidi overrides are shown
 * escaped (\x1b, \u202e), so a student's message can neither hide text nor reorder what a
 * grader reads.
 */
export function escapeHtml(text: unknown): string {
  return neutraliseForHtml(String(text));
}

/**
 * Text that came from a submission (its error messages, its stderr) placed in Markdown that
 * Gradescope or a browser renders: inline, every character Markdown or HTML gives meaning to
 * is escaped (the characters that open emphasis, code, links, table cells and tags) and line breaks become spaces, so the text cannot open a link, an image, a
 * table cell or a tag.
 */
export function escapeMarkdownInline(text: string): string {
  // control characters (ESC, BEL) shown escaped: a Markdown file is read in terminals too
  return neutraliseForTerminal(text.replace(/[\r\n]+/g, " "))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/**
 * Multi-line text as an indented code block: every line is indented, so no line of the text
 * can end the block, and a code block shows HTML as text. Control and bidi characters are dropped.
 */
export function markdownCodeBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `    ${line.replace(unsafe, "")}`)
    .join("\n");
}
