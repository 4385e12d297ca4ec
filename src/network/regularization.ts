import { sumSquaresFromColumn } from "../linalg/elementwise.ts";
import type { Theta } from "./Network.ts";

/** (λ/2m) Σ_l Σ_i Σ_{j≥1} (Θ_ij⁽ˡ⁾)²: the bias column (j = 0) is never regularised. */
export function regularizationTerm(theta: Theta, lambda: number, m: number): number {
  if (lambda === 0) return 0;
  let s = 0;
  for (const T of theta) s += sumSquaresFromColumn(T, 1);
  return (lambda / (2 * m)) * s;
}
