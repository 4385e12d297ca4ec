import fc from "fast-check";

/** λ = 0 (shrink target), tiny (where a missing 1/m hides in round-off), ordinary, or large (the regulariser dominates). */
export function lambdaArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(0),
    fc.double({ min: 1e-9, max: 1e-6, noNaN: true }),
    fc.double({ min: 0.01, max: 10, noNaN: true }),
    fc.double({ min: 100, max: 1e4, noNaN: true }),
  );
}
