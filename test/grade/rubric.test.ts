import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/grade/defaultRubric.ts";
import { networksFor } from "../../src/grade/networksFor.ts";
import { maxPointsOf, testKinds } from "../../src/grade/Rubric.ts";
import { readRubric, rubricSchema, validateRubric } from "../../src/grade/validateRubric.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-rubric-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("rubric", () => {
  it("the default rubric is valid, worth 100 points, and uses every kind of test", () => {
    expect(validateRubric(defaultRubric).ok).toBe(true);
    expect(maxPointsOf(defaultRubric)).toBe(100);
    expect(new Set(defaultRubric.tests.map((t) => t.kind))).toEqual(new Set(testKinds));
  });

  it("the committed schema's kinds are the code's kinds", () => {
    const kinds = (rubricSchema as any).properties.tests.items.properties.kind.enum;
    expect(kinds).toEqual(testKinds);
  });

  const test0 = defaultRubric.tests[0];
  it.each([
    [{ ...defaultRubric, tests: [{ ...test0, points: -1 }] }, "tests[0].points: must be >= 0"],
    [{ ...defaultRubric, tests: [{ ...test0, kind: "gradient" }] }, "tests[0].kind: must be equal to one of the allowed values"],
    [{ ...defaultRubric, tests: [{ ...test0, visibility: "secret" }] }, "tests[0].visibility"],
    [
      { ...defaultRubric, tests: [{ ...test0, networks: { ...test0.networks, m: [5, 2] } }] },
      "tests[0].networks.m: min 5 is greater than max 2",
    ],
    [{ ...defaultRubric, tests: [{ ...test0, networks: { ...test0.networks, K: [0, 2] } }] }, "tests[0].networks.K[0]: must be >= 1"],
    [{ ...defaultRubric, tests: [test0, test0] }, "tests[1].id: 'shape' is used by an earlier test"],
    [{ ...defaultRubric, assignment: { ...defaultRubric.assignment, cost: "hinge" } }, "assignment.cost"],
    [{ ...defaultRubric, extra: 1 }, "(top level): unknown field 'extra'"],
    [{ name: "x", assignment: defaultRubric.assignment }, "(top level): missing field 'tests'"],
  ])("an invalid rubric is refused with the field named (%#)", (rubric, expected) => {
    const r = validateRubric(rubric);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toContain(expected);
  });

  it("a rubric file's problems name the file", () => {
    const bad = join(scratch, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = readRubric(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/bad\.json: not valid JSON/);
    const missing = readRubric(join(scratch, "missing.json"));
    if (!missing.ok) expect(missing.errors[0]).toMatch(/missing\.json: cannot read: ENOENT/);
  });

  it("networks follow the test's spec and the seed, and another test's id draws others", () => {
    for (const t of defaultRubric.tests) {
      const nets = networksFor(t, 5);
      expect(nets).toHaveLength(t.networks.runs);
      for (const c of nets) {
        const hidden = c.layerSizes.length - 2,
          K = c.layerSizes.at(-1)!;
        expect(hidden).toBeGreaterThanOrEqual(t.networks.hiddenLayers[0]);
        expect(hidden).toBeLessThanOrEqual(t.networks.hiddenLayers[1]);
        expect(K).toBeGreaterThanOrEqual(t.networks.K[0]);
        expect(K).toBeLessThanOrEqual(t.networks.K[1]);
        expect(c.X.rows).toBeGreaterThanOrEqual(t.networks.m[0]);
        expect(c.X.rows).toBeLessThanOrEqual(t.networks.m[1]);
        expect(c.labels.every((y) => y >= 0 && y < Math.max(K, 2))).toBe(true);
      }
      expect(networksFor(t, 5)).toEqual(nets);
    }
    expect(networksFor(defaultRubric.tests[1], 5)).not.toEqual(networksFor(defaultRubric.tests[1], 6));
  });
});
