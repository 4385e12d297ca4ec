import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * test/ keeps each kind of file in one place: the suites beside what they test, the data and
 * submissions they read under test/fixtures, the code they share (and vitest's set-up) under
 * test/helpers. A helper or a fixture left beside a suite is one a newcomer does not find.
 */
const testDir = join(import.meta.dirname, "..");

function misplaced(paths: readonly string[]): string[] {
  return paths.filter((p) => !/\.test\.ts$/.test(p) && !p.startsWith("fixtures/") && !p.startsWith("helpers/"));
}

describe("test/ has one place for fixtures and one for helpers", () => {
  it("every file under test/ is a suite, a fixture or a helper", () => {
    const paths = readdirSync(testDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(testDir, join(e.parentPath, e.name)));
    expect(misplaced(paths)).toEqual([]);
  });

  it("sees a helper left beside its suite", () => {
    expect(misplaced(["judge/plantedBugs.ts", "judge/clues.test.ts", "helpers/cli.ts", "fixtures/judge/nn.py"])).toEqual([
      "judge/plantedBugs.ts",
    ]);
  });
});
