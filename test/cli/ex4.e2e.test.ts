import { spawnSync } from "node:child_process";
import { describe, expect } from "vitest";
import { main } from "../../src/cli/main.ts";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { replaySnippet } from "../../src/report/replaySnippet.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const fixtures = new URL("../fixtures/ex4/", import.meta.url).pathname;
const ex4 = parseAssignment({ profile: "ex4" });
if (!ex4.ok) throw new Error(ex4.error);
const runs = 25;

const octave = systemFile("octave", "/usr/bin/octave-cli");
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

/** ex4-style implementations written independently of gradcheck, correct and with one planted slip each. */
const verdicts: Array<{ name: string; needs: typeof octave; passed: boolean; mistakes: string[] }> = [
  { name: "octave-vectorised", needs: octave, passed: true, mistakes: [] },
  { name: "octave-loop", needs: octave, passed: true, mistakes: [] },
  { name: "octave-regularized-bias", needs: octave, passed: false, mistakes: ["regularized-bias"] },
  { name: "octave-lambda-not-divided", needs: octave, passed: false, mistakes: ["lambda-not-divided-by-m"] },
  { name: "numpy-correct", needs: numpy, passed: true, mistakes: [] },
  { name: "numpy-missing-derivative", needs: numpy, passed: false, mistakes: ["missing-activation-derivative"] },
];

describe("check --profile ex4 on course code, unchanged", () => {
  for (const v of verdicts) {
    itWith(v.needs)(
      `${v.name}: ${v.passed ? "passes" : `fails, diagnosed as ${v.mistakes.join(", ")}`}`,
      async () => {
        const report = await checkSubmission(fixtures + v.name, { runs, assignment: ex4.assignment, callTimeoutMs: 20_000 });
        expect({ passed: report.passed, mistakes: report.mistakes, problem: report.problem }).toEqual({
          passed: v.passed,
          mistakes: v.mistakes,
          problem: undefined,
        });
        if (!v.passed) expect(report.counterexample?.layerSizes.length).toBe(3);
      },
      300_000,
    );
  }

  itWith(octave)(
    "the counterexample's Octave replay snippet runs the student's function and reproduces its J",
    async () => {
      const report = await checkSubmission(fixtures + "octave-regularized-bias", {
        runs,
        assignment: ex4.assignment,
        callTimeoutMs: 20_000,
      });
      const ce = report.counterexample!;
      const snippet = replaySnippet(ce, "octave").join("\n") + "\nprintf('%.17g\\n', J);";
      const run = spawnSync("octave-cli", ["--norc", "--no-history", "--quiet", "--no-window-system", "--eval", snippet], {
        cwd: fixtures + "octave-regularized-bias",
        encoding: "utf8",
        timeout: 60_000,
      });
      const printed = Number(run.stdout.trim().split("\n").pop());
      expect(Math.abs(printed - ce.submitted!.J)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ce.submitted!.J)));
      expect(Math.abs(printed - ce.expected!.J)).toBeGreaterThan(1e-6);
    },
    300_000,
  );

  itWith(octave)(
    "an Octave function that never answers the first request is never-answered (exit 2), not shrunk",
    async () => {
      const code = await main(["check", fixtures + "octave-never-answers", "--profile", "ex4", "--timeout", "3000", "--json"]);
      expect(code).toBe(2);
    },
    300_000,
  );

  itWith(numpy)(
    "without the profile, the same correct one-hidden-layer code fails: the profile is what makes its verdict right",
    async () => {
      const report = await checkSubmission(fixtures + "numpy-correct", { runs });
      expect(report.passed).toBe(false);
      expect(report.counterexample?.layerSizes.length).not.toBe(3);
    },
    300_000,
  );
});
