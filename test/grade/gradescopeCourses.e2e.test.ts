import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { buildAutograder } from "../../src/grade/buildAutograder.ts";
import { builtinRubrics } from "../../src/grade/builtinRubrics.ts";
import { unpackZip } from "../../src/grade/unpackZip.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";
import { gradescopeProblems } from "../helpers/gradescopeFormat.ts";

const repo = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-gradescope-courses-"));
// Gradescope's /autograder is reachable by every user; mkdtemp's folder is not.
chmodSync(scratch, 0o755);
const root = join(scratch, "autograder");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const octave = systemFile("octave", "/usr/bin/octave-cli");
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

/**
 * run_autograder of the unpacked zip on one example, under a built-in rubric: the zip is built
 * once (with ex4's rubric); each course's rubric is then the one its autograder would carry.
 */
function autograde(rubric: string, example: string) {
  writeFileSync(join(root, "source/rubric.json"), JSON.stringify(builtinRubrics[rubric]));
  for (const dir of ["submission", "results"]) {
    rmSync(join(root, dir), { recursive: true, force: true });
    mkdirSync(join(root, dir));
  }
  cpSync(join(repo, "examples", example), join(root, "submission"), { recursive: true });
  const r = spawnSync("bash", [join(root, "source/run_autograder")], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH!, GRADCHECK_AUTOGRADER_ROOT: root },
    timeout: 600_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const results = JSON.parse(readFileSync(join(root, "results/results.json"), "utf8"));
  expect(gradescopeProblems(results)).toEqual([]);
  return results as { score: number; tests: { name: string; score: number; max_score: number }[] };
}

describe("the Gradescope autograder grades each course's own code from the unpacked zip", { timeout: 900_000 }, () => {
  beforeAll(async () => {
    const zip = join(scratch, "autograder.zip");
    await buildAutograder(zip, builtinRubrics.ex4, 5, 5000);
    mkdirSync(join(root, "source"), { recursive: true });
    expect(await unpackZip(zip, join(root, "source"), { maxFiles: 100_000, maxBytes: 2e9 })).toEqual({ ok: true });
    // the adapters travel in the zip, beside the code that copies them into a submission
    for (const adapter of ["octave/gradcheck_adapter.m", "python/gradcheck_adapter.py", "python/gradcheck_dlai.py"])
      expect(readFileSync(join(root, "source/gradcheck/dist/src/sandbox", adapter), "utf8").length).toBeGreaterThan(0);
    expect(readFileSync(join(root, "source/setup.sh"), "utf8")).toMatch(/apt-get install .*\boctave\b/);
    // setup.sh as Gradescope runs it, with apt-get stubbed (this machine has the packages)
    const stubs = join(scratch, "stubs");
    mkdirSync(stubs);
    writeFileSync(join(stubs, "apt-get"), "#!/bin/sh\nexit 0\n");
    chmodSync(join(stubs, "apt-get"), 0o755);
    const setup = spawnSync("bash", [join(root, "source/setup.sh")], { encoding: "utf8", env: { PATH: `${stubs}:${process.env.PATH}` } });
    expect(setup.status, setup.stderr).toBe(0);
  }, 900_000);

  itWith(octave)("Octave ex4: 100 points", () => {
    expect(autograde("ex4", "ex4-octave").score).toBe(100);
  });

  itWith(numpy)("CS231n TwoLayerNet: 100 points; its buggy twin fewer", () => {
    expect(autograde("cs231n-two-layer", "cs231n-two-layer").score).toBe(100);
    expect(autograde("cs231n-two-layer", "cs231n-two-layer-buggy").score).toBeLessThan(100);
  });

  itWith(numpy)("deeplearning.ai Step by Step notebook: 100 points", () => {
    expect(autograde("dlai-step", "dlai-step").score).toBe(100);
  });
});
