import fc from "fast-check";
import { describe, it } from "vitest";
import { rules } from "../../src/tape/rules.ts";
import { runs } from "../helpers/tape/arbitraries.ts";
import { binaryOps, unaryOps } from "../helpers/tape/expressions.ts";
import { binaryRuleProperty, expressionTreeProperty, unaryRuleProperty } from "../helpers/tape/mathjsChecks.ts";

/** (a) Every elementwise rule, and random trees of them, against mathjs's symbolic derivative. */
describe("elementwise rules agree with mathjs's derivative", () => {
  unaryOps.forEach((op, i) => it(op, () => fc.assert(unaryRuleProperty(rules, op), runs(100 + i, 40))));
  binaryOps.forEach((op, i) =>
    it(`${op}, with row, column and scalar broadcasting`, () => fc.assert(binaryRuleProperty(rules, op), runs(200 + i, 60))),
  );
});

describe("random expression trees agree with mathjs end to end", () => {
  it("value and ∂/∂x_i of trees up to depth 4, variables reused", () => fc.assert(expressionTreeProperty(rules), runs(300, 150)));
});
