import { describe, expect, it } from "vitest";
import { builtinRubrics } from "../../src/grade/builtinRubrics.ts";
import { readRubric, validateRubric } from "../../src/grade/validateRubric.ts";
import { rubricAssignment } from "../../src/grade/rubricAssignment.ts";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { rubricCommand } from "../../src/cli/rubricCommand.ts";

describe("built-in rubrics, one per course profile", () => {
  for (const [name, rubric] of Object.entries(builtinRubrics)) {
    it(`${name} is a valid 100-point rubric whose tests lie within its assignment`, () => {
      expect(validateRubric(structuredClone(rubric))).toMatchObject({ ok: true });
      expect(rubric.tests.reduce((sum, t) => sum + t.points, 0)).toBe(100);
      const stated = rubricAssignment(rubric);
      if (!stated.ok) throw new Error(stated.errors.join("; "));
      for (const t of rubric.tests) {
        // no test that correct course code must fail: its depths and its K only
        expect(t.networks.hiddenLayers[0]).toBeGreaterThanOrEqual(stated.assignment.hiddenLayers.min);
        expect(t.networks.hiddenLayers[1]).toBeLessThanOrEqual(stated.assignment.hiddenLayers.max);
        expect(t.networks.K[0]).toBeGreaterThanOrEqual(stated.assignment.classes.min);
        expect(t.networks.K[1]).toBeLessThanOrEqual(stated.assignment.classes.max);
        expect(stated.assignment.lambdas).toContain(t.networks.lambda);
      }
    });
  }

  it("grade --rubric NAME reads the built-in one when no file of that name exists", () => {
    expect(readRubric("ex4")).toEqual({ ok: true, rubric: builtinRubrics.ex4 });
    expect(readRubric("cs231n-fc-net")).toMatchObject({ ok: true, rubric: { assignment: { variant: "fc-net" } } });
    expect(readRubric("ex5")).toMatchObject({ ok: false });
  });

  it("gradcheck rubric --profile NAME prints it as JSON, to be edited and passed back", () => {
    const lines: string[] = [];
    expect(rubricCommand(["--profile", "cs231n-two-layer"], (l) => lines.push(l))).toBe(0);
    const printed = JSON.parse(lines.join("\n"));
    expect(printed).toEqual(builtinRubrics["cs231n-two-layer"]);
    expect(validateRubric(printed)).toMatchObject({ ok: true });
    expect(() => rubricCommand(["--profile", "nope"], () => {})).toThrow(
      /known: ex4, cs231n-two-layer, cs231n-fc-net, dlai-step, dlai-regularization, dlai-gradient-checking/,
    );
  });

  it('{"assignment": {"profile": "ex4"}} is the ex4 assignment: one hidden layer, K ≥ 2, a naive log allowed', () => {
    const parsed = rubricAssignment({ name: "mine", assignment: { profile: "ex4" }, tests: [] });
    expect(parsed).toMatchObject({
      ok: true,
      assignment: { hiddenLayers: { min: 1, max: 1 }, classes: { min: 2 }, labels: "0-based", allowUnstableCost: true },
    });
  });

  it("a convention the profile owns, stated again, is refused instead of converted twice", () => {
    const restated = validateRubric({ ...structuredClone(builtinRubrics.ex4), assignment: { profile: "ex4", labels: "1-based" } });
    expect(restated).toMatchObject({ ok: false });
    expect(restated.ok ? "" : restated.errors.join("\n")).toMatch(/assignment\.labels: the ex4 profile owns it .* drop labels/);
    expect(parseAssignment({ profile: "ex4", layout: "unrolled-column-major" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^assignment layout: the ex4 profile owns it/),
    });
    expect(parseAssignment({ profile: "cs231n", output: "sigmoid-cross-entropy" })).toMatchObject({ ok: false });
    // the profile's own value, restated, converts nothing twice
    expect(parseAssignment({ profile: "ex4", labels: "0-based" })).toMatchObject({ ok: true });
  });
});

describe("the Gradescope autograder of a profile's rubric", () => {
  it("installs Octave in setup.sh when the rubric's profile is ex4, and only then", async () => {
    const { autograderPackagesFor, setupScript } = await import("../../src/grade/buildAutograder.ts");
    expect(setupScript(autograderPackagesFor(builtinRubrics.ex4))).toMatch(/apt-get install -y -qq .*\boctave\b/);
    expect(setupScript(autograderPackagesFor(builtinRubrics["cs231n-two-layer"]))).not.toMatch(/\boctave\b/);
    expect(autograderPackagesFor(builtinRubrics["cs231n-fc-net"])).toContain("python3-numpy");
  });
});
