import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceDir } from "../../src/cli/builtinCases.ts";
import { lastParallelRun, parallelBackprop, stopWorkers } from "../../src/backprop/parallelBackprop.ts";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { buildNetwork } from "../helpers/randomNetwork.ts";
// @ts-expect-error: a plain script of the build, without declarations
import { isAsset } from "../../scripts/copy-assets.mjs";

/**
 * The build holds everything the sources read at run time, and needs no loader: the end-to-end
 * project imports src/ through its compiled twin in dist/ (vitest.config.ts), so these tests,
 * like every other *.e2e.test.ts, run the code users run.
 */
const root = new URL("../../", import.meta.url).pathname;
afterAll(stopWorkers);
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(join(root, dir), join(e.parentPath, e.name)));

describe("dist/, as npm run build leaves it", () => {
  it("the end-to-end project runs the build, not the sources", () => {
    expect(referenceDir).toContain("/dist/src/");
  });

  it("holds every file under src/ that is not TypeScript, byte for byte (the Octave adapter and the worker's needs included)", () => {
    const assets = files("src").filter((f) => isAsset(f.split("/").pop()!));
    expect(assets).toContain("sandbox/octave/gradcheck_adapter.m");
    expect(assets).toContain("sandbox/moduleHarness.mjs");
    const missing = assets.filter((f) => {
      try {
        return !readFileSync(join(root, "dist/src", f)).equals(readFileSync(join(root, "src", f)));
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it("imports no TypeScript file and no loader from any JavaScript it ships", () => {
    const imports = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)["']([^"']+)["']/g;
    const offending: string[] = [];
    for (const dir of ["dist", "bin"]) {
      for (const f of files(dir).filter((f) => /\.(m|c)?js$/.test(f))) {
        for (const [, spec] of readFileSync(join(root, dir, f), "utf8").matchAll(imports))
          if (/\.(m|c)?tsx?$/.test(spec) || /^tsx(\/|$)/.test(spec)) offending.push(`${dir}/${f}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("shares a large batch among the compiled worker threads, bit for bit as one thread", async () => {
    const shape = { layerSizes: [200, 50, 10], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", m: 3000 } as const;
    const { problem, theta } = buildNetwork({ ...shape, layerSizes: [...shape.layerSizes], lambda: 1, weightScale: 0.3 }, 11);
    // The caller leaves every chunk to the workers, so they must have run.
    const shared = await parallelBackprop(problem, theta, { threads: 2, callerTakesChunks: false });
    expect(lastParallelRun().byWorkers).toBeGreaterThan(0);
    const alone = batchBackprop(problem, theta);
    expect(shared.J).toBe(alone.J);
    expect(shared.grad.map((D) => Array.from(D.data))).toEqual(alone.grad.map((D) => Array.from(D.data)));
  });
});
