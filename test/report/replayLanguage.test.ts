import { describe, expect, it } from "vitest";
import type { CaseFile } from "../../src/judge/caseFileOf.ts";
import { replayLanguageOf } from "../../src/report/replaySnippet.ts";

/** The language a student's feedback replays a counterexample in: their own, where gradcheck can run it there. */
describe("replayLanguageOf", () => {
  const withLayers = (layerSizes: number[]) => ({ layerSizes }) as unknown as CaseFile;
  it("Octave for an Octave entry, only where the classic signature fits (one hidden layer)", () => {
    expect(replayLanguageOf("Octave nnCostFunction.m", withLayers([2, 3, 4]))).toBe("octave");
    expect(replayLanguageOf("Octave nnCostFunction.m", withLayers([2, 3, 3, 4]))).toBeUndefined();
    expect(replayLanguageOf("Octave nnCostFunction.m", withLayers([2, 4]))).toBeUndefined();
  });
  it("numpy for a Python entry or a python process, at any depth", () => {
    expect(replayLanguageOf("Python nnCostFunction.py", withLayers([2, 3, 3, 4]))).toBe("numpy");
    expect(replayLanguageOf("process python3 nn.py", withLayers([2, 4]))).toBe("numpy");
  });
  it("none for JavaScript or another program: the JSON line serves", () => {
    expect(replayLanguageOf("module nnCostFunction.mjs", withLayers([2, 3, 4]))).toBeUndefined();
    expect(replayLanguageOf("process ./a.out", withLayers([2, 3, 4]))).toBeUndefined();
  });
});
