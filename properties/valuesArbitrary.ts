import fc from "fast-check";

/** How large weights or inputs are: ordinary, saturating the sigmoid and tanh, or tiny. */
export type Regime = "ordinary" | "saturated" | "tiny";

export const regimeArbitrary = (): fc.Arbitrary<Regime> => fc.constantFrom<Regime>("ordinary", "saturated", "tiny");

const magnitude: Record<Regime, fc.Arbitrary<number>> = {
  ordinary: fc.double({ min: -2, max: 2, noNaN: true }),
  saturated: fc.tuple(fc.boolean(), fc.double({ min: 10, max: 40, noNaN: true })).map(([neg, x]) => (neg ? -x : x)),
  tiny: fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
};

/** Exactly `length` float64 values of one regime; shrinks each towards 0 (or ±10 when saturated). */
export function valuesArbitrary(regime: Regime, length: number): fc.Arbitrary<number[]> {
  return fc.array(magnitude[regime], { minLength: length, maxLength: length });
}
