import { escapeHtml } from "./untrustedText.ts";

/**
 * No network at all: nothing may be fetched, framed, posted or run. The plots are inline SVG
 * and the styles inline, so the page needs nothing the policy forbids.
 */
export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const style = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --pass: #0072B2; --fail: #D55E00; --card: #f6f6f6; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181c; --fg: #e8e8e8; --muted: #a8a8a8; --rule: #3a3d44; --pass: #56B4E9; --fail: #E69F00; --card: #1f2228; } }
body { background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); } h3 { font-size: 1rem; }
.muted, figcaption { color: var(--muted); } .pass { color: var(--pass); } .fail { color: var(--fail); }
.verdict { font-size: 1.2rem; font-weight: 600; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
pre { background: var(--card); padding: .7rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border-bottom: 1px solid var(--rule); padding: .2rem .6rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
a { color: var(--pass); }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } .charts { display: block; } figure { break-inside: avoid; margin-bottom: 1rem; } details { display: block; } details > summary { display: none; } a { color: inherit; text-decoration: none; } }
`;

/** A complete, self-contained page: the body is trusted HTML built by the report renderers. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A chart in a figure, with a caption that says what to look for. */
export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** A table from escaped cells; `numeric` names the columns aligned right. */
export function table(head: readonly string[], rows: readonly (readonly unknown[])[], numeric: readonly number[] = []): string {
  const cls = (k: number) => (numeric.includes(k) ? ' class="num"' : "");
  const th = head.map((h, k) => `<th${cls(k)}>${escapeHtml(h)}</th>`).join("");
  const trs = rows.map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}
