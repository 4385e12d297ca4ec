/**
 * expm1 and log1p for the tiny arguments finite differences produce, as short polynomials
 * that V8 inlines (Math.expm1 and Math.log1p cost ~20 ns a call here). Each branch is
 * accurate to below half an ulp; larger arguments go to the library.
 */

/** Below 2^-17 five terms suffice: the first omitted one is < 2^-70 relative. */
export const tinyArgument = 2 ** -17;
/** Below 2^-7 ten terms suffice (first omitted < 2^-60 relative); above it the library is cheaper. */
export const smallArgument = 2 ** -7;

export function expm1Small(d: number): number {
  const ad = d < 0 ? -d : d;
  if (ad < tinyArgument) return d * (1 + d * (0.5 + d * (1 / 6 + d * (1 / 24 + d * (1 / 120)))));
  if (ad < smallArgument)
    return d * (1 + d * (0.5 + d * (1 / 6 + d * (1 / 24 + d * (1 / 120 + d * (1 / 720 + d * (1 / 5040 + d * (1 / 40320 + d / 362880))))))));
  return Math.expm1(d);
}

export function log1pSmall(v: number): number {
  const av = v < 0 ? -v : v;
  if (av < tinyArgument) return v * (1 - v * (1 / 2 - v * (1 / 3 - v * (1 / 4 - v * (1 / 5)))));
  if (av < smallArgument)
    return v * (1 - v * (1 / 2 - v * (1 / 3 - v * (1 / 4 - v * (1 / 5 - v * (1 / 6 - v * (1 / 7 - v * (1 / 8 - v * (1 / 9 - v / 10)))))))));
  return Math.log1p(v);
}
