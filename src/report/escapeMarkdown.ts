import { neutraliseForTerminal } from "./untrustedText.ts";

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
 * can end the block, and a code block shows HTML as text. Control characters are dropped.
 */
export function markdownCodeBlock(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .split(/\r?\n/)
    .map((line) => `    ${line}`)
    .join("\n");
}
