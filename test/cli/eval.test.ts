import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceDir } from "../../src/cli/builtinCases.ts";
import { evalCommand } from "../../src/cli/evalCommand.ts";

const dir = mkdtempSync(join(tmpdir(), "gradcheck-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const good = JSON.parse(readFileSync(join(referenceDir, "ex4-debug-lambda3.json"), "utf8"));

/** Writes a variant of a good case (or raw text) and returns its path. */
function caseFile(name: string, edit: ((c: any) => void) | string): string {
  const path = join(dir, `${name}.json`);
  if (typeof edit === "string") writeFileSync(path, edit);
  else {
    const c = structuredClone(good);
    c.name = name;
    edit(c);
    writeFileSync(path, JSON.stringify(c));
  }
  return path;
}

async function run(...words: string[]): Promise<{ code: number; lines: any[] }> {
  const lines: any[] = [];
  const code = await evalCommand(words, (l) => lines.push(JSON.parse(l)));
  return { code, lines };
}

describe("gradcheck eval", () => {
  it("prints one line per case with name, method, J, grad of Θ's shape and ms", async () => {
    const { code, lines } = await run("--method", "loop", "--repeat", "3", join(referenceDir, "ex4-debug-lambda3.json"));
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line.name).toBe("ex4-debug-lambda3");
    expect(line.method).toBe("loop");
    expect(Math.abs(line.J - good.expected.J)).toBeLessThan(1e-12);
    expect(line.grad.map((T: number[][]) => [T.length, T[0].length])).toEqual([
      [5, 4],
      [3, 6],
    ]);
    expect(line.ms).toBeGreaterThanOrEqual(0);
  });

  const bad: Array<[string, ((c: any) => void) | string, RegExp]> = [
    ["bad-json", "{ not json", /bad-json\.json: not valid JSON/],
    ["missing-lambda", (c) => delete c.lambda, /lambda: missing/],
    ["theta-shape", (c) => c.theta[1].forEach((r: number[]) => r.pop()), /theta\[1\]\[0\]: expected 6 entries \(s_2 \+ 1 = 6\), got 5/],
    ["theta-rows", (c) => c.theta[0].pop(), /theta\[0\]: expected 5×4 \(s_2 × \(s_1 \+ 1\)\), got 4×4/],
    ["ragged-x", (c) => c.X[2].push(1), /X\[2\]: expected 3 entries \(s_1 = 3\), got 4/],
    ["nan", (c) => (c.X[1][0] = "NaN"), /X\[1\]\[0\]: expected a finite number, got "NaN"/],
    ["null-inf", (c) => (c.theta[0][2][1] = null), /theta\[0\]\[2\]\[1\]: expected a finite number, got null/],
    ["huge", '{"name":"huge","lambda":1e999}', /layerSizes: expected an array/],
    [
      "unknown-activation",
      (c) => (c.hiddenActivation = "softmax"),
      /hiddenActivation: expected one of sigmoid, tanh, relu, identity, got "softmax"/,
    ],
    ["unknown-cost", (c) => (c.cost = "hinge"), /cost: expected one of cross-entropy, squared-error, got "hinge"/],
    [
      "ce-identity",
      (c) => (c.outputActivation = "identity"),
      /outputActivation: cross-entropy needs output sigmoid or softmax, got identity/,
    ],
    ["targets", (c) => (c.Y[0][1] = 1.5), /Y\[0\]\[1\]: cross-entropy targets must lie in \[0, 1\], got 1.5/],
    ["labels", (c) => (c.labels[3] = 0), /labels\[3\]: label 0 does not match Y\[3\]/],
    ["one-layer", (c) => (c.layerSizes = [3]), /layerSizes: needs at least two layers/],
    ["zero-width", (c) => (c.layerSizes[1] = 0), /layerSizes\[1\]: expected an integer ≥ 1, got 0/],
    ["y-rows", (c) => c.Y.pop(), /Y: expected 5 rows \(one per example of X\), got 4/],
    ["negative-lambda", (c) => (c.lambda = -1), /lambda: must be ≥ 0, got -1/],
  ];

  for (const [name, edit, message] of bad) {
    it(`names the file, field and problem: ${name}`, async () => {
      const { code, lines } = await run(caseFile(name, edit));
      expect(code).toBe(1);
      expect(lines[0].error).toMatch(message);
      expect(lines[0].file).toContain(name);
    });
  }

  it("keeps going past bad and missing files, in argument order, and exits 1", async () => {
    const ok = join(referenceDir, "small-001.json");
    const { code, lines } = await run(
      ok,
      join(dir, "no-such.json"),
      caseFile("nan2", (c) => (c.X[0][0] = null)),
      ok,
    );
    expect(code).toBe(1);
    expect(lines.map((l) => l.name ?? "error")).toEqual(["small-001", "error", "error", "small-001"]);
    expect(lines[1].error).toMatch(/no-such\.json: no such file/);
  });

  it("gives the same J and gradient for any --threads", async () => {
    const file = join(referenceDir, "ex4-debug-lambda3.json");
    const [one, two] = [await run("--threads", "1", file), await run("--threads", "2", file)];
    expect({ ...two.lines[0], ms: 0 }).toEqual({ ...one.lines[0], ms: 0 });
    expect(Math.abs(one.lines[0].J - good.expected.J)).toBeLessThan(1e-12);
  });

  it("rejects an unknown method or a bad --repeat or --threads as a usage error", async () => {
    await expect(run("--method", "magic", "x.json")).rejects.toThrow(/--method expects one of backprop, loop, tape, fd/);
    await expect(run("--repeat", "0", "x.json")).rejects.toThrow(/--repeat expects an integer ≥ 1/);
    await expect(run("--threads", "0", "x.json")).rejects.toThrow(/--threads expects an integer ≥ 1/);
    await expect(run("--method", "tape", "--threads", "2", "x.json")).rejects.toThrow(
      /--threads applies to --method backprop only, not tape/,
    );
  });
});
