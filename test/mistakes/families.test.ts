import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { outputOf, outputFamilies, hiddenActivations, parseAssignment, type Assignment } from "../../src/judge/Assignment.ts";
import { diagnose, diagnosticCasesFor } from "../../src/judge/diagnose.ts";
import { requestOf } from "../../src/judge/requestOf.ts";
import { mistakeIds, mistakesFor, nnCostFunctionWith, type Family } from "../../src/mistakes/index.ts";
import { unroll } from "../../src/network/theta.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";

/** Every family a course can state: three hidden activations times four output layers. */
const assignments: Assignment[] = hiddenActivations.flatMap((hiddenActivation) =>
  outputFamilies.map((output) => {
    const parsed = parseAssignment({ hiddenActivation, output });
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.assignment;
  }),
);
const familyOf = (a: Assignment): Family => ({ hiddenActivation: a.hiddenActivation, ...outputOf(a.output) });
const title = (a: Assignment) => `${a.hiddenActivation} hidden, ${a.output}`;

describe("the catalogue, family by family", () => {
  for (const a of assignments) {
    const family = familyOf(a),
      cases = diagnosticCasesFor(a);
    it(`${title(a)}: the slip-free function matches gradcheck's backprop on the family's diagnostic cases`, async () => {
      const reference = nnCostFunctionWith({}, family);
      for (const c of cases) {
        const r = requestOf(c);
        const got = await reference(
          Float64Array.from(r.params),
          r.layerSizes.slice(),
          r.X.map((x) => x.slice()),
          r.y.slice(),
          r.lambda,
        );
        const want = batchBackprop(c, c.theta);
        expect(Math.abs(got.J - want.J)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want.J)));
        unroll(want.grad).forEach((g, p) =>
          expect(Math.abs(got.grad[p] - g), `${c.name} entry ${p}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(g))),
        );
      }
    });
    // The max-shift only matters past e^709: ordinary cases cannot tell it apart.
    const visible = [...mistakesFor(family).keys()].filter((id) => id !== "softmax-without-max-shift");
    it(`${title(a)}: each of its ${visible.length} mistakes is diagnosed as exactly itself`, async () => {
      const known = mistakesFor(family);
      for (const id of visible) expect(await diagnose(inProcessImplementation(known.get(id)!, id), undefined, cases), id).toEqual([id]);
    });
  }

  it("names which mistakes exist where: softmax has its own, the squared error its own, relu no g'(a) slip", () => {
    const table = Object.fromEntries(assignments.map((a) => [title(a), [...mistakesFor(familyOf(a)).keys()]]));
    expect(table["sigmoid hidden, softmax-cross-entropy"]).toEqual(
      expect.arrayContaining(["softmax-without-max-shift", "softmax-derivative-in-output-delta"]),
    );
    expect(table["sigmoid hidden, softmax-cross-entropy"]).not.toContain("squared-error-output-delta");
    expect(table["tanh hidden, sigmoid-squared-error"]).toContain("cross-entropy-output-delta");
    expect(table["relu hidden, sigmoid-cross-entropy"]).not.toContain("activation-derivative-of-activation");
    for (const id of mistakeIds)
      expect(
        Object.values(table).some((ids) => ids.includes(id)),
        id,
      ).toBe(true);
  });
});
