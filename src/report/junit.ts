/** A JUnit XML report: suites of cases, each passed or failed with a message. */
export interface JUnitCase {
  readonly name: string;
  readonly className: string;
  readonly failure?: string;
  readonly skipped?: string;
  readonly seconds?: number;
}

export interface JUnitSuite {
  readonly name: string;
  readonly cases: readonly JUnitCase[];
}

/**
 * The JUnit XML that CI systems read (Jenkins, GitLab, GitHub's test reporters): one
 * <testsuite> per suite, one <testcase> per case. Every attribute and text is escaped.
 */
export function junitXml(name: string, suites: readonly JUnitSuite[]): string {
  const count = (s: readonly JUnitCase[], what: "failure" | "skipped") => s.filter((c) => c[what] !== undefined).length;
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${all.length}" failures="${count(all, "failure")}" skipped="${count(all, "skipped")}">`,
  ];
  for (const s of suites) {
    lines.push(
      `  <testsuite name="${xml(s.name)}" tests="${s.cases.length}" failures="${count(s.cases, "failure")}" skipped="${count(s.cases, "skipped")}">`,
    );
    for (const c of s.cases) {
      const head = `    <testcase name="${xml(c.name)}" classname="${xml(c.className)}"${c.seconds !== undefined ? ` time="${c.seconds.toFixed(3)}"` : ""}`;
      if (c.failure !== undefined)
        lines.push(`${head}>`, `      <failure message="${xml(firstLine(c.failure))}">${xml(c.failure)}</failure>`, "    </testcase>");
      else if (c.skipped !== undefined)
        lines.push(`${head}>`, `      <skipped message="${xml(firstLine(c.skipped))}"/>`, "    </testcase>");
      else lines.push(`${head}/>`);
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}

function firstLine(text: string): string {
  return text.split("\n")[0].slice(0, 500);
}

/** XML 1.0 text: the five entities, and characters XML cannot hold at all dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
