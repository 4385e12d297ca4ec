import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const fixtures = new URL("../fixtures/sandbox/", import.meta.url).pathname;
const correct = new URL("../../examples/correct/nnCostFunction.mjs", import.meta.url).pathname;
let built: string | undefined;

// Registered while the importing test file is collected: the copy lives as long as that file's tests.
afterAll(() => {
  if (built !== undefined) rmSync(built, { recursive: true, force: true });
  built = undefined;
});

/**
 * The path of a fixture submission. Many fixtures wrap a correct implementation
 * (`import … from "../sandbox/correct.mjs"`), and a sandboxed submission may read only its own folder,
 * so each of those gets its own copy of examples/correct — made here, in a temporary copy of
 * the fixtures, rather than committed ten times.
 */
export function submissionFixture(name: string): string {
  if (built === undefined) {
    built = mkdtempSync(join(tmpdir(), "gradcheck-fixtures-"));
    cpSync(fixtures, built, { recursive: true });
    for (const folder of readdirSync(built)) {
      const dir = join(built, folder);
      const wraps = readdirSync(dir).some(
        (f) => /^nnCostFunction\./.test(f) && readFileSync(join(dir, f), "utf8").includes("./correct.mjs"),
      );
      if (wraps) copyFileSync(correct, join(dir, "correct.mjs"));
    }
  }
  return join(built, name);
}
