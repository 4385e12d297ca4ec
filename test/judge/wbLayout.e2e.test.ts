import fc from "fast-check";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAssignment } from "../../src/judge/Assignment.ts";
import { checkSubmission } from "../../src/judge/checkSubmission.ts";
import { replayCase } from "../../src/judge/replayCase.ts";
import { caseFileOf } from "../../src/judge/caseFileOf.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { decodeGradient, encodeParams, fromWbOrder, toWb } from "../../src/judge/parameterLayout.ts";
import { layerSizesArbitrary } from "../../src/judge/layerSizesArbitrary.ts";
import { parameterCount, thetaShapes } from "../../src/network/theta.ts";
import { gradientOfAnswer, flatParams } from "../../src/sandbox/gradientOfAnswer.ts";
import type { WbLayer } from "../../src/sandbox/Implementation.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");
const wb = (() => {
  const parsed = parseAssignment({ layout: "wb" });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.assignment;
})();

/** Every float64, the awkward ones included: −0, subnormals, the largest, NaN. */
const anyDouble = fc.double({ noDefaultInfinity: false });
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe("the wb layout: W⁽ˡ⁾ = Θ⁽ˡ⁾[:,1:]ᵀ, b⁽ˡ⁾ = Θ⁽ˡ⁾[:,0]", () => {
  it("by definition, on one network: W is in × out, b has out entries", () => {
    // Θ⁽¹⁾ for layerSizes [2, 3]: 3 × 3, rows [b_k, w_k1, w_k2]
    const theta = [10, 11, 12, 20, 21, 22, 30, 31, 32];
    expect(toWb(theta, [2, 3])).toEqual([
      {
        W: [
          [11, 21, 31],
          [12, 22, 32],
        ],
        b: [10, 20, 30],
      },
    ]);
  });

  it("round-trips bit for bit, through JSON and the sandbox's reading of an answer (property, fixed seed)", () => {
    fc.assert(
      fc.property(
        layerSizesArbitrary({ maxDepth: 5, maxWidth: 6 }).chain((layerSizes) =>
          fc.tuple(
            fc.constant(layerSizes),
            fc.array(anyDouble, { minLength: parameterCount(layerSizes), maxLength: parameterCount(layerSizes) }),
          ),
        ),
        ([layerSizes, theta]) => {
          const sent = encodeParams(theta, layerSizes, "wb") as readonly WbLayer[];
          thetaShapes(layerSizes).forEach(([out, cols], l) => {
            expect(sent[l].W.length).toBe(cols - 1);
            expect(sent[l].W.every((row) => row.length === out)).toBe(true);
            expect(sent[l].b.length).toBe(out);
          });
          // an answer echoing params: as given, as a module's harness forwards it (W flat), and
          // through JSON as a process writes it (non-finite values as strings; JSON has no −0)
          const wire = JSON.parse(JSON.stringify(sent, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)));
          const flatW = sent.map((layer) => ({ W: layer.W.flat(), b: layer.b }));
          const unsigned = (x: ArrayLike<number>) => Array.from(x, (v) => (v === 0 ? 0 : v));
          for (const [answer, expected] of [
            [sent, theta],
            [flatW, theta],
            [wire, unsigned(theta)],
          ] as const) {
            const read = gradientOfAnswer(answer, sent);
            expect(read.ok).toBe(true);
            if (!read.ok) return;
            expect(sameBits(decodeGradient(read.grad, layerSizes, "wb"), expected)).toBe(true);
          }
          expect(sameBits(fromWbOrder(flatParams(sent), layerSizes), theta)).toBe(true);
        },
      ),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe("an answer of the wrong shape is a finding naming the layer, never a crash", () => {
  // layerSizes [3, 2, 1]: W⁽¹⁾ 3 × 2, b⁽¹⁾ 2; W⁽²⁾ 2 × 1, b⁽²⁾ 1
  const params = toWb(
    Array.from({ length: parameterCount([3, 2, 1]) }, (_, i) => i / 10),
    [3, 2, 1],
  );
  const right = () => params.map((layer) => ({ W: layer.W.map((row) => row.slice()), b: layer.b.slice() }));
  const cases: Array<[string, unknown, RegExp]> = [
    [
      "W transposed",
      right().map((layer, l) => (l === 0 ? { ...layer, W: [layer.W.map((r) => r[0]), layer.W.map((r) => r[1])] } : layer)),
      /^grad\[0\] \(layer 1: W⁽¹⁾ and b⁽¹⁾\): W has 2 rows, expected 3 \(transposed\?\) \(W⁽¹⁾ is in × out = 3 × 2\)$/,
    ],
    ["b missing", right().map((layer, l) => (l === 1 ? { W: layer.W } : layer)), /^grad\[1\] \(layer 2: W⁽²⁾ and b⁽²⁾\): b is missing/],
    [
      "b of the wrong length",
      right().map((layer, l) => (l === 0 ? { ...layer, b: [1, 2, 3] } : layer)),
      /^grad\[0\] .*: b has 3 entries, expected 2 \(one per unit of layer 2\)$/,
    ],
    [
      "a flat W of the wrong length",
      right().map((layer, l) => (l === 0 ? { ...layer, W: [1, 2, 3] } : layer)),
      /^grad\[0\] .*: W has 3 entries, expected 3 × 2 = 6/,
    ],
    [
      "a ragged W",
      right().map((layer, l) => (l === 0 ? { ...layer, W: [[1, 2], [3], [4, 5]] } : layer)),
      /^grad\[0\] .*: W row 1 has 1 entries, expected 2/,
    ],
    ["one layer too few", right().slice(0, 1), /^grad has 1 layers, expected 2 \{W, b\}/],
    ["a flat gradient", [1, 2], /^grad\[0\] \(layer 1: W⁽¹⁾ and b⁽¹⁾\) is 1, expected an object \{W, b\}$/],
    ["no gradient", undefined, /^grad is missing, expected a list of 2 \{W, b\}/],
  ];
  it.each(cases)("%s", (_name, answer, message) => {
    const read = gradientOfAnswer(answer, params);
    expect(read).toMatchObject({ ok: false, kind: "wrong-gradient-shape" });
    if (!read.ok) expect(read.message).toMatch(message);
  });
  it("a non-number entry is a bad return naming the layer and the entry", () => {
    const answer = right().map((layer, l) => (l === 1 ? { ...layer, b: ["x"] } : layer));
    expect(gradientOfAnswer(answer, params)).toEqual({
      ok: false,
      kind: "bad-return",
      message: 'grad[1] (layer 2: W⁽²⁾ and b⁽²⁾): b entry 0 is "x", expected a number',
    });
  });
  it("non-finite entries are numbers to judge, not shape errors", () => {
    const answer = right().map((layer, l) => (l === 1 ? { ...layer, b: [null] } : layer));
    const read = gradientOfAnswer(answer, params);
    expect(read.ok && Number.isNaN(read.grad[read.grad.length - 1])).toBe(true);
  });
});

// The examples are correct; each planted bug is one line of theirs changed (their SLIP constant).
const scratch = mkdtempSync(join(tmpdir(), "gradcheck-wb-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function withSlip(example: "wb-module" | "wb-numpy", slip: string): string {
  const dir = join(scratch, `${example}-${slip}`);
  mkdirSync(dir, { recursive: true });
  const source = new URL(`../../examples/${example}/`, import.meta.url).pathname;
  const entry = example === "wb-module" ? "nnCostFunction.mjs" : "nn.py";
  const text = readFileSync(join(source, entry), "utf8");
  const planted = text.replace(/^(const )?SLIP = "none"/m, (_m, js: string | undefined) => `${js ?? ""}SLIP = "${slip}"`);
  if (planted === text && slip !== "none") throw new Error(`no SLIP line in ${entry}`);
  writeFileSync(join(dir, entry), planted);
  if (example === "wb-numpy") copyFileSync(join(source, "gradcheck.json"), join(dir, "gradcheck.json"));
  return dir;
}

const runs = 25;
describe("wb submissions end to end", () => {
  it("the JS module example passes with the wb layout, and fails without it", async () => {
    const right = await checkSubmission(withSlip("wb-module", "none"), { runs, assignment: wb });
    expect(right.passed, JSON.stringify(right.findings)).toBe(true);
    const unstated = await checkSubmission(withSlip("wb-module", "none"), { runs });
    expect(unstated.passed).toBe(false);
  }, 300_000);
  it("a saved case replays (--case) on a wb module with the layout stated", async () => {
    const file = join(scratch, "case.json");
    writeFileSync(file, JSON.stringify(caseFileOf(diagnosticCases[1])));
    const replay = await replayCase(withSlip("wb-module", "none"), file, { assignment: wb });
    expect(replay.ok && replay.verdict.ok, JSON.stringify(replay)).toBe(true);
    const wrong = await replayCase(withSlip("wb-module", "b-regularized"), file, { assignment: wb });
    expect(wrong.ok && wrong.verdict.findings.map((f) => f.problem)).toContain("gradient-mismatch");
  }, 120_000);
  itWith(numpy)(
    "the numpy process example passes with the wb layout",
    async () => {
      const report = await checkSubmission(withSlip("wb-numpy", "none"), { runs, assignment: wb, callTimeoutMs: 20_000 });
      expect(report.passed, JSON.stringify(report.findings)).toBe(true);
    },
    300_000,
  );
  const slips: Array<["wb-module" | "wb-numpy", string, (r: Awaited<ReturnType<typeof checkSubmission>>) => void]> = [
    [
      "wb-module",
      "dW-transposed",
      (r) => {
        expect(r.findings.map((f) => f.problem)).toContain("gradient-mismatch");
        expect(r.clues.find((c) => c.id === "gradient-layout")?.message).toMatch(/dW laid out out × in \(transposed\) in the wb layout/);
      },
    ],
    ["wb-module", "db-not-divided-by-m", (r) => expect(r.findings.map((f) => f.problem)).toContain("gradient-mismatch")],
    ["wb-module", "b-regularized", (r) => expect(r.mistakes).toEqual(["regularized-bias"])],
    ["wb-numpy", "dW-transposed", (r) => expect(r.problem ?? r.findings[0]?.problem).toBe("wrong-gradient-shape")],
    ["wb-numpy", "b-regularized", (r) => expect(r.mistakes).toEqual(["regularized-bias"])],
  ];
  for (const [example, slip, diagnosed] of slips) {
    (example === "wb-numpy" ? itWith(numpy) : it)(
      `${example} with ${slip} fails`,
      async () => {
        const report = await checkSubmission(withSlip(example, slip), { runs, assignment: wb, callTimeoutMs: 20_000 });
        expect(report.passed).toBe(false);
        diagnosed(report);
      },
      300_000,
    );
  }
});
