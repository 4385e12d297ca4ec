/**
 * The defaults of a check, in a module of their own: the command line reads them before the
 * judge (and its property-testing library) is loaded, which happens while the sandbox starts.
 */
export const defaultSeed = 20240601;
export const defaultRuns = 100;
/** One deadline for a whole check: search, shrinking, simplification and diagnosis together. */
export const defaultDeadlineMs = 180_000;
