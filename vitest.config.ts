import { defineConfig } from "vitest/config";

/**
 * Two projects. `unit` (the README's `npm test`): the TypeScript sources in-process, no child
 * process of any kind (test/helpers/noProcesses.ts enforces it), minutes on two cores.
 * `e2e` (`npm run test:e2e`): everything that starts a sandbox, Octave, Python, Chromium, npm, a
 * fresh clone or the CLI — and it runs the build users run: every import of src/, properties/
 * or matchers/ resolves to its compiled twin in dist/ (`npm run build` first), so a path that
 * works only from the sources fails here.
 */
const compiled = { find: /^(.*)\/(src|properties|matchers)\/(.*)\.ts$/, replacement: "$1/dist/$2/$3.js" };

export default defineConfig({
  test: {
    // The JSON report is what CI counts; the default reporter is what people read.
    reporters: ["default", "json"],
    outputFile: { json: "reports/test-results.json" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Both cores: vitest's default leaves one of two idle.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.e2e.test.ts", "test/fixtures/package-consumer/**"],
          setupFiles: ["test/helpers/noProcesses.ts"],
        },
      },
      {
        extends: true,
        resolve: { alias: [compiled] },
        test: {
          name: "e2e",
          include: ["test/**/*.e2e.test.ts"],
          exclude: ["test/fixtures/package-consumer/**"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
