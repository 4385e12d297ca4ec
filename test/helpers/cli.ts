/**
 * The command line that runs gradcheck's CLI as users run it: the shipped bin, which loads the
 * compiled dist/ (`npm run test:e2e` builds it first). No loader, no sources.
 */
export const cliCommand: readonly string[] = [process.execPath, new URL("../../bin/gradcheck.mjs", import.meta.url).pathname];
