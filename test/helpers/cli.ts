/**
 * The command line that runs gradcheck's CLI from its sources (through tsx), for tests that
 * need a real process: the suites test the sources; test/package tests the built bin.
 */
export const cliCommand: readonly string[] = [
  process.execPath,
  "--import",
  "tsx",
  new URL("../../src/cli/run.ts", import.meta.url).pathname,
];
