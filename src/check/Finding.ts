import type { EntryReport } from "./EntryReport.ts";
import type { FunctionFindingKind } from "../outcome/FindingKind.ts";

type NamedValue = { index: number; label: string; value: number };

/**
 * Everything a check can find, as data: renderers switch on `kind`. The kinds are part of the
 * house's one union (src/outcome), whose table holds each one's title, explanation and hint.
 */
export type Finding =
  | { readonly kind: "gradient-mismatch"; readonly count: number; readonly worst: readonly EntryReport[] }
  | { readonly kind: "not-differentiable"; readonly count: number; readonly entries: readonly EntryReport[] }
  | { readonly kind: "too-noisy"; readonly count: number; readonly entries: readonly EntryReport[] }
  | {
      readonly kind: "too-few-compared";
      /** entries with finite values on both sides */
      readonly entries: number;
      /** of those, judged pass or fail */
      readonly judged: number;
      readonly notDifferentiable: number;
      readonly tooNoisy: number;
      /** the largest share of entries that may be set aside */
      readonly maxSetAside: number;
      /** the function's measured noise relative to |f|, when measured */
      readonly relativeNoise: number | null;
    }
  | { readonly kind: "non-finite"; readonly count: number; readonly entries: readonly NamedValue[] }
  | { readonly kind: "non-finite-numerical"; readonly count: number; readonly entries: readonly NamedValue[] }
  | { readonly kind: "non-finite-value"; readonly value: number }
  | { readonly kind: "bad-point"; readonly received: string }
  | { readonly kind: "wrong-gradient-length"; readonly expected: number; readonly actual: number }
  | { readonly kind: "wrong-shape"; readonly expected: string; readonly actual: string }
  | { readonly kind: "not-a-gradient"; readonly received: string }
  | { readonly kind: "not-scalar"; readonly received: string }
  | { readonly kind: "not-reproducible"; readonly label: string; readonly first: number; readonly second: number; readonly allowed: number }
  | { readonly kind: "threw"; readonly during: "gradient" | "cost"; readonly message: string };

type OneOf<K extends FunctionFindingKind> = K;
/** Compiles only while every kind above is one of the house's, each with its record in src/outcome. */
export type CheckFindingKind = OneOf<Finding["kind"]>;
