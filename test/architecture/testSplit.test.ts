import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The split between `npm test` and `npm run test:e2e` holds by itself: in the unit project a
 * started process throws (test/helpers/noProcesses.ts), and the two projects divide the files
 * by name, so none is run twice or never.
 */
describe("the unit project", () => {
  it("refuses to start a process, naming the way out", () => {
    expect(() => spawnSync(process.execPath, ["--version"])).toThrow(/belong in a \*\.e2e\.test\.ts file/);
    expect(() => spawn(process.execPath, ["--version"])).toThrow(/child_process\.spawn\b/);
    expect(() => execFileSync(process.execPath, ["--version"])).toThrow(/child_process\.execFileSync/);
  });

  it("and the end-to-end project divide the test files by name", () => {
    const config = readFileSync(new URL("../../vitest.config.ts", import.meta.url), "utf8");
    expect(config).toMatch(/name: "unit",\s*include: \["test\/\*\*\/\*\.test\.ts"\],\s*exclude: \["test\/\*\*\/\*\.e2e\.test\.ts"/);
    expect(config).toMatch(/name: "e2e",\s*include: \["test\/\*\*\/\*\.e2e\.test\.ts"\]/);
  });
});
