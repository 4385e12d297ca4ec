import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The JSON report is what CI counts; the default reporter is what people read.
    reporters: ["default", "json"],
    outputFile: { json: "reports/test-results.json" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
