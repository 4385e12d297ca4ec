import { describe, expect } from "vitest";
import { loadSubmission } from "../../src/sandbox/loadSubmission.ts";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { loadStatus } from "../../src/grade/loadStatus.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const fixtures = new URL("../fixtures/ex4/", import.meta.url).pathname;
const octave = systemFile("octave", "/usr/bin/octave-cli");
const ex4 = parseAssignment({ profile: "ex4" });
if (!ex4.ok) throw new Error(ex4.error);

const request = (params: number[]) => ({ params, layerSizes: [1, 1, 2], X: [[0.5]], y: [1], lambda: 0 });

describe("an Octave nnCostFunction.m behind gradcheck's adapter", () => {
  itWith(octave)(
    "one Octave process answers every call, requests sent one by one or ahead of their answers",
    async () => {
      const loaded = await loadSubmission(fixtures + "octave-counts-calls");
      if (!loaded.ok) throw new Error(loaded.message);
      const impl = loaded.implementation;
      try {
        const one = await impl.call(request([0, 0, 0, 0, 0, 0]));
        const more = await impl.callEach!([request([1, 1, 1, 1, 1, 1]), request([2, 2, 2, 2, 2, 2])]);
        expect([one, ...more].map((o) => (o.kind === "result" ? o.J : o.kind))).toEqual([1, 2, 3]);
      } finally {
        await impl.close();
      }
    },
    120_000,
  );

  itWith(octave)(
    "a parse error is a load failure (cannot-load in a grade) with Octave's message intact, caret under the fault",
    async () => {
      const report = await checkSubmission(fixtures + "octave-parse-error", { assignment: ex4.assignment });
      expect(report.problem).toBe("syntax-error");
      expect(loadStatus["syntax-error"]).toBe("cannot-load");
      const lines = report.message!.split("\n");
      expect(lines[0]).toBe("parse error near line 4 of file nnCostFunction.m");
      const source = lines.findIndex((l) => l.startsWith(">>> "));
      expect(source).toBeGreaterThan(0);
      // the caret stands under the character Octave stopped at: the ';' that should have been ')'
      expect(lines[source][lines[source + 1].indexOf("^")]).toBe(";");
    },
    120_000,
  );

  itWith(octave)(
    "a runtime error names the student's file and line",
    async () => {
      const report = await checkSubmission(fixtures + "octave-runtime-error", { assignment: ex4.assignment, runs: 5 });
      expect(report.passed).toBe(false);
      const threw = report.findings.find((f) => f.problem === "threw");
      expect(threw?.message).toMatch(/^sigmoidGradient\.m, line 3: operator \*: nonconformant arguments/);
    },
    120_000,
  );
});
