import { describe, expect, it } from "vitest";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import { planted } from "../helpers/plantedBugs.ts";

describe("state between calls", () => {
  it("a Δ accumulator kept in a global is not-reproducible, with both answers", async () => {
    const report = await checkImplementation(inProcessImplementation(planted({ globalDelta: true }), "planted"));
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.problem)).toEqual(["not-reproducible"]);
    const [first, second] = report.findings[0].answers!;
    expect(first.grad).not.toEqual(second.grad);
    expect(report.findings[0].message).toMatch(
      /asked twice, with another case in between, got two answers: J = .*, then J = .*; Θ⁽.⁾\[\d+,\d+\]: .*, then /,
    );
  });
});

describe("unstable-cost: a naive log with a right gradient", () => {
  it("fails by default, on a saturated network, as its own finding", async () => {
    const report = await checkImplementation(inProcessImplementation(planted({ naiveLog: true }), "planted"));
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.problem)).toEqual(["unstable-cost"]);
    expect(report.findings[0].message).toMatch(
      /J is (Infinity|NaN) where the exact cost is \d+\.\d+: \d+ outputs? rounds? to exactly 0 or 1/,
    );
    expect(report.counterexample!.name).toMatch(/saturated/);
  });

  // J = ∞ twice is the same answer: never mistaken for state kept between calls.
  it.each([1, 2, 3, 4, 5])("is unstable-cost, not not-reproducible, on seed %i", async (seed) => {
    const report = await checkImplementation(inProcessImplementation(planted({ naiveLog: true }), "planted"), { seed });
    expect(report.findings.map((f) => f.problem)).toEqual(["unstable-cost"]);
  });

  it("passes with a warning when allowed", async () => {
    const report = await checkImplementation(inProcessImplementation(planted({ naiveLog: true }), "planted"), { allowUnstableCost: true });
    expect(report.passed).toBe(true);
    expect(report.warnings.join("\n")).toMatch(/unstable-cost \(allowed\): on \d+ networks? J was wrong only where outputs saturate/);
  });

  it("a clipped log is not unstable-cost even when allowed: it is a wrong cost", async () => {
    const report = await checkImplementation(inProcessImplementation(planted({ clip: 1e-4 }), "planted"), { allowUnstableCost: true });
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.problem)).toContain("cost-mismatch");
  });
});

describe("--precision", () => {
  it("float32 answers fail by default and pass with precision float32", async () => {
    const fn = planted({ float32: "answer" });
    expect((await checkImplementation(inProcessImplementation(fn, "planted"))).passed).toBe(false);
    const relaxed = await checkImplementation(inProcessImplementation(fn, "planted"), { precision: "float32" });
    expect(relaxed.findings).toEqual([]);
    expect(relaxed.passed).toBe(true);
  });
});
