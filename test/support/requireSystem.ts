/**
 * Whether tests that need a system facility (bubblewrap, python3-seccomp, a writable cgroup)
 * can run here. Missing: skipped with the reason printed, so the gap is visible; but under
 * CI=true a missing facility is an error, because CI installs everything the tests need.
 */
export function requireSystem(what: string, available: boolean, howToGetIt: string): boolean {
  if (available) return true;
  if (process.env.CI === "true") throw new Error(`${what} is not available, and CI=true requires it: ${howToGetIt}`);
  console.warn(`SKIPPED: tests that need ${what} (not available here: ${howToGetIt})`);
  return false;
}
