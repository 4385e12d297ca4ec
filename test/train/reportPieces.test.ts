import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { costChartSpec, costChartSvg } from "../../src/report/trainCostChart.ts";
import { grayPngDataUri, weightsAsGray } from "../../src/report/grayPng.ts";

describe("the report's pictures", () => {
  it("a digit's PNG decodes back to its grey levels, ink dark", () => {
    const values = Array.from({ length: 6 }, (_, q) => q / 5); // 0, 0.2, …, 1
    const uri = grayPngDataUri(values, 3, 2);
    const png = PNG.sync.read(Buffer.from(uri.replace("data:image/png;base64,", ""), "base64"));
    expect([png.width, png.height]).toEqual([3, 2]);
    const red = Array.from({ length: 6 }, (_, q) => png.data[4 * q]); // decoded as RGBA
    expect(red).toEqual([255, 204, 153, 102, 51, 0]);
    expect(() => grayPngDataUri(values, 2, 2)).toThrow("a 2×2 image needs 4 values, got 6");
  });

  it("weights map to grey around 0.5, scaled by the unit's largest |w|", () => {
    expect(Array.from(weightsAsGray([-2, 0, 1, 2]))).toEqual([0, 0.5, 0.75, 1]);
    expect(Array.from(weightsAsGray([0, 0]))).toEqual([0.5, 0.5]);
  });

  it("the cost chart keeps only what a log scale can draw and renders to SVG", async () => {
    const spec = costChartSpec([
      { name: "a", costHistory: [3, 2, 1] },
      { name: "b", costHistory: [3, Infinity, NaN, 0, 5] },
    ]);
    const values = (spec as unknown as { data: { values: { run: string; iteration: number; J: number }[] } }).data.values;
    expect(values.map((v) => `${v.run}${v.iteration}`)).toEqual(["a0", "a1", "a2", "b0", "b4"]);
    const svg = await costChartSvg(spec);
    expect(svg).toMatch(/^<svg[^>]*>/);
    expect(svg).toContain("J(Θ) on the training set");
  });
});
