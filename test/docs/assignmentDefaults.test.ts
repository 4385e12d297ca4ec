import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultAssignment, type Assignment } from "../../src/judge/Assignment.ts";

/**
 * docs/check.md describes the assignment `check` judges without options twice, in a sentence and
 * in the flags table's default column. Both are read from `defaultAssignment` here, so a changed
 * default that the doc does not follow fails.
 */
const doc = readFileSync(join(import.meta.dirname, "../../docs/check.md"), "utf8");

/** The sentence's words for the shapes: "0–3 hidden layers, K = 1–6, λ ∈ {0, 1, 10, 0.001}". */
function shapesSentence(a: Assignment): string {
  const range = (r: { min: number; max: number }) => `${r.min}–${r.max}`;
  return `${range(a.hiddenLayers)} hidden layers, K = ${range(a.classes)}, λ ∈ {${a.lambdas.join(", ")}}`;
}

/** The flags table's default column, as a flag would spell each value. */
function flagDefaults(a: Assignment): Record<string, string> {
  return {
    "--hidden-activation": `\`${a.hiddenActivation}\``,
    "--output": `\`${a.output}\``,
    "--labels": `\`${a.labels}\``,
    "--layout": `\`${a.layout}\``,
    "--hidden-layers": `\`${a.hiddenLayers.min}..${a.hiddenLayers.max}\``,
    "--classes": `\`${a.classes.min}..${a.classes.max}\``,
    "--lambda": `\`${a.lambdas.join(",")}\``,
    "--allow-unstable-cost": a.allowUnstableCost ? "on" : "off",
  };
}

describe("docs/check.md states the default assignment as defaultAssignment holds it", () => {
  it("in the sentence before the flags table", () => {
    expect(doc.replace(/\s+/g, " ")).toContain(shapesSentence(defaultAssignment));
  });

  it.each(Object.entries(flagDefaults(defaultAssignment)))("%s defaults to %s", (flag, value) => {
    const row = doc.split("\n").find((line) => line.startsWith(`| \`${flag}\` |`));
    expect(row?.split("|").at(-2)?.trim().split(" (")[0]).toBe(value);
  });

  it("sees a default the doc does not state", () => {
    expect(doc.replace(/\s+/g, " ")).not.toContain(shapesSentence({ ...defaultAssignment, lambdas: [0, 1] }));
  });
});
