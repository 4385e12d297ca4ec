import { gradientMethods } from "../src/methods.ts";
import type { Case } from "../src/network/Network.ts";
import { closeNumbers, firstDifference, gradientScale } from "./closeness.ts";
import type { PropertyVerdict } from "./PropertyVerdict.ts";

/**
 * loop = batch = tape: three independent derivations of the same formulas agree to round-off
 * (rtol ≈ 1e-12 of the entries' scale).
 */
export function methodsAgree(c: Case, rtol = 1e-12): PropertyVerdict {
  const batch = gradientMethods.backprop(c, c.theta);
  const others: Array<["loop" | "tape", typeof batch]> = [
    ["loop", gradientMethods.loop(c, c.theta)],
    ["tape", gradientMethods.tape(c, c.theta)],
  ];
  const floor = gradientScale(batch.grad);
  for (const [name, r] of others) {
    if (!closeNumbers(r.J, batch.J, rtol)) return { ok: false, message: `J: ${name} ${r.J} vs batch ${batch.J}` };
    const d = firstDifference(r.grad, batch.grad, rtol, floor);
    if (d) return { ok: false, message: `∂J/∂Θ: ${name} vs batch at ${d}` };
  }
  return { ok: true };
}
