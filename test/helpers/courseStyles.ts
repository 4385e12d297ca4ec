import { parseAssignment, type Assignment } from "../../src/judge/Assignment.ts";
import type { NnCostFunction } from "../../src/mistakes/index.ts";

/** The family a style is written for, in its own words. */
export interface StyleFamily {
  readonly hidden: "sigmoid" | "tanh" | "relu";
  readonly output: "sigmoid" | "softmax" | "identity";
  readonly cost: "cross-entropy" | "squared-error";
}
/** z and a = g(z) of a hidden unit → the g'(z) to use (a place to plant a wrong relu'). */
export type Slope = (z: number, a: number) => number;
type Maker = (family: StyleFamily, slope?: Slope) => NnCostFunction;

const load = async (name: string): Promise<Maker> =>
  ((await import(new URL(`../fixtures/judge/styles/${name}.mjs`, import.meta.url).href)) as { nnCostFunctionFor: Maker }).nnCostFunctionFor;

/**
 * Correct implementations written the ways courses teach, none of them ours: a per-example
 * loop with the naive log and relu' as `z < 0 ? 0 : 1`; deeplearning.ai's columns, caches and
 * dAL = −(Y/AL − (1 − Y)/(1 − AL)) with relu_backward's `Z <= 0`; CS231n's in-place buffers with
 * log1p(−h) and heaviside(z, ½). Each takes its log directly, so where an output rounds to 1 its
 * J (and the dAL gradient) is not finite: correct under --allow-unstable-cost.
 */
export const courseStyles: Readonly<Record<string, Maker>> = {
  "per-example loop, naive log, relu' via z < 0": await load("loopNaiveLog"),
  "deeplearning.ai columns and dAL": await load("dlaiColumns"),
  "CS231n in place, heaviside(z, ½)": await load("cs231nInPlace"),
};

/** One family per example folder (and deeplearning.ai's relu + sigmoid), as `check` states it. */
export const styleFamilies: ReadonlyArray<{
  readonly name: string;
  readonly family: StyleFamily;
  readonly fields: Record<string, string>;
}> = [
  { name: "sigmoid, sigmoid cross-entropy", family: { hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy" }, fields: {} },
  {
    name: "tanh, sigmoid cross-entropy",
    family: { hidden: "tanh", output: "sigmoid", cost: "cross-entropy" },
    fields: { hiddenActivation: "tanh", hiddenLayers: "1..2", classes: "2..4" },
  },
  {
    name: "relu, softmax cross-entropy",
    family: { hidden: "relu", output: "softmax", cost: "cross-entropy" },
    fields: { hiddenActivation: "relu", output: "softmax-cross-entropy" },
  },
  {
    name: "relu, sigmoid cross-entropy",
    family: { hidden: "relu", output: "sigmoid", cost: "cross-entropy" },
    fields: { hiddenActivation: "relu" },
  },
  {
    name: "tanh, sigmoid squared error",
    family: { hidden: "tanh", output: "sigmoid", cost: "squared-error" },
    fields: { hiddenActivation: "tanh", output: "sigmoid-squared-error" },
  },
  {
    name: "sigmoid, identity squared error",
    family: { hidden: "sigmoid", output: "identity", cost: "squared-error" },
    fields: { output: "identity-squared-error", lambda: "0,0.5" },
  },
];

export function assignmentOf(fields: Record<string, string>, allowUnstableCost = false): Assignment {
  const parsed = parseAssignment({ ...fields, allowUnstableCost });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
}
