import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../helpers/tempFolder.ts";

/**
 * The workflow the README offers (examples/ci/gradcheck.yml): each `run:` step, in order, in a
 * fresh clone of this repository, as a runner would run it. The `uses:` steps are GitHub's own.
 */
const root = new URL("../../", import.meta.url).pathname;
const workflow = readFileSync(join(root, "examples/ci/gradcheck.yml"), "utf8");
const steps = [...workflow.matchAll(/^\s+- run: (.+)$/gm)].map((m) => m[1]!.trim());

describe("examples/ci/gradcheck.yml", () => {
  it("is the workflow the README shows", () => {
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain(workflow.trim());
    expect(steps.length).toBeGreaterThanOrEqual(3);
  });

  it("runs every run: step in a fresh clone", () => {
    const clone = join(tempFolder("ci"), "repo");
    const cloned = spawnSync("git", ["clone", "--quiet", root, clone], { encoding: "utf8" });
    expect(cloned.status, cloned.stderr).toBe(0);
    for (const step of steps) {
      // npm ci from the cache the suite's own install filled, so the step needs no registry.
      const r = spawnSync("bash", ["-c", step], {
        cwd: clone,
        encoding: "utf8",
        env: { ...process.env, npm_config_prefer_offline: "true" },
      });
      expect(r.status, `${step}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    expect(readFileSync(join(clone, "reports/gradcheck-junit.xml"), "utf8")).toMatch(
      /<testsuite name="gradcheck check examples\/correct" tests="2" failures="0"/,
    );
    expect(existsSync(join(clone, "dist/src/cli/run.js"))).toBe(true);
  }, 600_000);
});
