import { describe, expect, it } from "vitest";
import { checkImplementation, defaultSeed } from "../../src/judge/checkImplementation.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { assignmentOf, courseStyles, styleFamilies } from "../helpers/courseStyles.ts";

// Correct code written the ways courses teach — a loop with relu' as z < 0, deeplearning.ai's
// dAL, CS231n's in-place buffers with heaviside(z, ½) — once failed on most seeds (relu'(0),
// the dAL NaN, the naive log's noise in (b)). Two seeds here; twenty in seedStable.e2e.test.ts.
describe("correct code in the courses' styles passes", () => {
  for (const [style, make] of Object.entries(courseStyles)) {
    for (const { name, family, fields } of styleFamilies) {
      it(`${style} — ${name}`, async () => {
        for (const seed of [defaultSeed, 1]) {
          const allowed = await checkImplementation(inProcessImplementation(make(family), style), {
            seed,
            runs: 50,
            assignment: assignmentOf(fields, true),
          });
          expect(allowed.findings, `seed ${seed}`).toEqual([]);
          expect(allowed.passed).toBe(true);
        }
      }, 120_000);
    }
  }
});
