import { describe, expect, it } from "vitest";
import { loopBackprop, slideD } from "../../src/backprop/loop.ts";
import { renderComparison } from "../../src/check/index.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { checkNetworkGradient, networkHints } from "../../src/fdnet/index.ts";
import { unroll } from "../../src/network/theta.ts";
import { findingInfo, functionWords } from "../../src/outcome/index.ts";

const c = referenceCases().find((k) => k.name === "ex4-debug-lambda3")!;
const hintLines = (lines: readonly string[]) => lines.filter((l) => l.startsWith("  hint: "));

describe("a network's comparison speaks the network's words, which check itself does not know", () => {
  it("the slide's D: the wrong entries' hint is the network's", () => {
    const lines = renderComparison(checkNetworkGradient(c, c.theta, loopBackprop(c, c.theta, slideD).grad, { worst: 5 }));
    expect(hintLines(lines)).toEqual([`  hint: ${networkHints["gradient-mismatch"]}`]);
  });

  it("a gradient one entry short: the length hint stays the table's, as it always read", () => {
    const short = unroll(loopBackprop(c, c.theta).grad).slice(1);
    const lines = renderComparison(checkNetworkGradient(c, c.theta, short));
    expect(lines).toContain(`✗ ${functionWords("wrong-gradient-length").title}: expected ${short.length + 1} entries, got ${short.length}`);
    expect(hintLines(lines)).toEqual([`  hint: ${functionWords("wrong-gradient-length").hint}`]);
  });

  it("no network hint repeats a table's hint, and the table has no network words", () => {
    for (const [kind, hint] of Object.entries(networkHints)) expect(hint).not.toBe(functionWords(kind as keyof typeof findingInfo).hint);
    for (const kind of Object.keys(networkHints))
      expect(functionWords(kind as keyof typeof findingInfo).hint).not.toMatch(/Θ|δ|layer|regulari/);
  });
});
