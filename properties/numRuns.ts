/**
 * How many cases a property test runs: `fallback` (kept small so the suite stays fast), or
 * GRADCHECK_RUNS from the environment for a long hunt, e.g. `GRADCHECK_RUNS=2000 npx vitest run test/properties`.
 */
export function numRuns(fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.GRADCHECK_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The seed of a property test: fixed, unless GRADCHECK_SEED asks for another. */
export function propertySeed(fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.GRADCHECK_SEED);
  return env.GRADCHECK_SEED !== undefined && Number.isInteger(n) ? n : fallback;
}
