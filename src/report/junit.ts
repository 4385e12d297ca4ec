import junitModule from "junit-report-builder";
import { neutraliseForTerminal as shown } from "./untrustedText.ts";

// The package is CommonJS whose declarations describe an ES default export: under NodeNext the
// default import is module.exports itself, which at run time is the builder.
const junit = junitModule as unknown as typeof junitModule.default;

/** A JUnit XML report: suites of cases, each passed, failed or skipped with a message. */
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
 * <testsuite> per suite, one <testcase> per case, written by junit-report-builder (escaping,
 * counts and attributes as those systems expect them), as `check --junit` writes its own.
 * Names and messages may come from a submission (a student's folder name, its error text):
 * their control characters are shown escaped, where the builder would silently drop them and
 * leave the rest of an escape sequence behind.
 */
export function junitXml(name: string, suites: readonly JUnitSuite[]): string {
  const builder = junit.newBuilder();
  for (const s of suites) {
    const suite = builder.testSuite().name(shown(s.name));
    for (const c of s.cases) {
      const testCase = suite.testCase().className(shown(c.className)).name(shown(c.name));
      if (c.seconds !== undefined) testCase.time(c.seconds);
      if (c.failure !== undefined) testCase.failure(shown(c.failure));
      else if (c.skipped !== undefined) testCase.skipped();
    }
  }
  return builder.build().replace("<testsuites", `<testsuites name="${attribute(shown(name))}"`);
}

/** The report's own name, added as an attribute the builder has no setter for. */
function attribute(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
