import { describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/checkCommand.ts";
import { outputOf, parseAssignment, type Assignment } from "../../src/judge/Assignment.ts";
import { checkImplementation, defaultSeed } from "../../src/judge/checkImplementation.ts";
import type { CheckReport } from "../../src/judge/checkReport.ts";
import { mistakesFor, type NnCostFunction } from "../../src/mistakes/index.ts";
import { inProcessImplementation } from "../../src/sandbox/index.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";
import { assignmentOf, courseStyles, styleFamilies } from "../helpers/courseStyles.ts";

// A grade must not depend on the seed drawn: every example submission, every catalogued mistake
// planted in every family, and correct code written the ways courses teach gets one verdict —
// pass or fail, and the mistakes named — on 20 seeds. Slow (thousands of networks), so here.
const seeds = [defaultSeed, ...Array.from({ length: 19 }, (_, k) => k + 1)];
const verdictOf = (r: CheckReport) =>
  r.passed ? "pass" : `fail: ${r.mistakes.join(" + ") || r.findings.map((f) => f.problem).join(" + ")}`;

async function verdictsOn(fn: NnCostFunction, options: { assignment?: Assignment; allowUnstableCost?: boolean; runs?: number }) {
  const verdicts = new Map<string, number[]>();
  for (const seed of seeds) {
    const report = await checkImplementation(inProcessImplementation(fn, "submission"), { seed, runs: options.runs ?? 100, ...options });
    const v = verdictOf(report);
    verdicts.set(v, [...(verdicts.get(v) ?? []), seed]);
  }
  return Object.fromEntries(verdicts);
}
const onEverySeed = (verdict: string) => ({ [verdict]: seeds });

describe("correct code in the courses' styles: the same verdict on 20 seeds", () => {
  for (const [style, make] of Object.entries(courseStyles)) {
    for (const { name, family, fields } of styleFamilies) {
      const crossEntropy = family.cost === "cross-entropy";
      it(`${style} — ${name}: passes${crossEntropy ? " with a naive log allowed, unstable-cost without" : ""}`, async () => {
        const allowed = await verdictsOn(make(family), { assignment: assignmentOf(fields, true) });
        expect(allowed).toEqual(onEverySeed("pass"));
        if (crossEntropy)
          expect(await verdictsOn(make(family), { assignment: assignmentOf(fields) })).toEqual(onEverySeed("fail: unstable-cost"));
      }, 900_000);
    }
  }
});

describe("every catalogued mistake, planted in every family: failed and named alike on 20 seeds", () => {
  for (const { name, fields } of styleFamilies) {
    const assignment = assignmentOf(fields);
    for (const [id, fn] of mistakesFor({ hiddenActivation: assignment.hiddenActivation, ...outputOf(assignment.output) })) {
      it(`${name}: ${id}`, async () => {
        expect(await verdictsOn(fn, { assignment })).toEqual(onEverySeed(`fail: ${id}`));
      }, 600_000);
    }
  }
});

/** The JavaScript examples, trusted and called in this process, with the verdicts docs/check.md states. */
const moduleExamples: ReadonlyArray<{ folder: string; file: string; fields?: Record<string, string>; allow?: boolean; verdict: string }> = [
  { folder: "correct", file: "nnCostFunction.mjs", verdict: "pass" },
  { folder: "regularized-bias", file: "nnCostFunction.js", verdict: "fail: regularized-bias" },
  { folder: "slide-lambda", file: "nnCostFunction.cjs", verdict: "fail: lambda-not-divided-by-m" },
  { folder: "missing-derivative", file: "nnCostFunction.ts", verdict: "fail: missing-activation-derivative" },
  { folder: "naive-log", file: "nnCostFunction.mjs", verdict: "fail: unstable-cost" },
  { folder: "naive-log", file: "nnCostFunction.mjs", allow: true, verdict: "pass" },
  {
    folder: "families/softmax-relu",
    file: "nnCostFunction.mjs",
    fields: { hiddenActivation: "relu", output: "softmax-cross-entropy" },
    verdict: "pass",
  },
  {
    folder: "families/squared-error-tanh",
    file: "nnCostFunction.mjs",
    fields: { hiddenActivation: "tanh", output: "sigmoid-squared-error" },
    verdict: "pass",
  },
  {
    folder: "families/identity-squared-error-sigmoid",
    file: "nnCostFunction.mjs",
    fields: { output: "identity-squared-error", lambda: "0,0.5" },
    verdict: "pass",
  },
  {
    folder: "families/sigmoid-cross-entropy-tanh",
    file: "nnCostFunction.mjs",
    fields: { hiddenActivation: "tanh", hiddenLayers: "1..2", classes: "2..4" },
    verdict: "pass",
  },
];

describe("the examples: the verdict docs/check.md states, on 20 seeds", () => {
  for (const { folder, file, fields, allow, verdict } of moduleExamples) {
    it(`examples/${folder}${allow ? " --allow-unstable-cost" : ""}: ${verdict}`, async () => {
      const mod = (await import(new URL(`../../examples/${folder}/${file}`, import.meta.url).href)) as Record<string, unknown>;
      const fn = (mod.nnCostFunction ?? (mod.default as Record<string, unknown>)?.nnCostFunction ?? mod.default) as NnCostFunction;
      const parsed = parseAssignment(fields ?? {});
      if (!parsed.ok) throw new Error(parsed.error);
      expect(await verdictsOn(fn, { assignment: parsed.assignment, allowUnstableCost: allow === true })).toEqual(onEverySeed(verdict));
    }, 600_000);
  }

  // Processes, the wb layout and Octave run as users run them: through `check`, in the sandbox.
  const python = systemFile("python3", "/usr/bin/python3");
  const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");
  const octave = systemFile("octave", "/usr/bin/octave-cli");
  const viaCheck: ReadonlyArray<{ words: string[]; needs?: ReturnType<typeof systemFile>; verdict: string }> = [
    { words: ["examples/python-correct"], needs: python, verdict: "pass" },
    { words: ["examples/python-labels"], needs: python, verdict: "fail: labels-not-one-hot" },
    { words: ["examples/wb-module", "--layout", "wb"], verdict: "pass" },
    { words: ["examples/wb-numpy", "--layout", "wb"], needs: numpy, verdict: "pass" },
    { words: ["examples/ex4-octave", "--profile", "ex4"], needs: octave, verdict: "pass" },
  ];
  for (const { words, needs, verdict } of viaCheck) {
    (needs ? itWith(needs) : it)(
      `gradcheck check ${words.join(" ")}: ${verdict}`,
      async () => {
        const verdicts = new Map<string, number[]>();
        for (const seed of seeds) {
          const lines: string[] = [];
          await checkCommand([...words, "--seed", String(seed), "--runs", "10", "--json", "--timeout", "20000"], (l) => lines.push(l));
          const r = JSON.parse(lines.join("\n")) as { passed: boolean; mistakes: string[]; findings?: { problem: string }[] };
          const v = r.passed ? "pass" : `fail: ${r.mistakes.join(" + ") || (r.findings ?? []).map((f) => f.problem).join(" + ")}`;
          verdicts.set(v, [...(verdicts.get(v) ?? []), seed]);
        }
        expect(Object.fromEntries(verdicts)).toEqual(onEverySeed(verdict));
      },
      1_200_000,
    );
  }
});
