import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../helpers/tempFolder.ts";
import { UsageError } from "../../src/cli/args.ts";
import { trainCommand } from "../../src/cli/trainCommand.ts";
import { evalCommand } from "../../src/cli/evalCommand.ts";
import { parseCaseText } from "../../src/caseio/parseCase.ts";
import { confusionMatrix, renderConfusion } from "../../src/train/confusionMatrix.ts";

describe("gradcheck train", () => {
  it("trains on the full split, logs every check, and writes the report, figures and trained Θ", async () => {
    const dir = tempFolder("train");
    const lines: string[] = [];
    const code = await trainCommand(["--hidden", "4", "--iterations", "3", "--slide-lambda", "--report", dir], (l) => lines.push(l), {
      interactive: false,
    });
    const text = lines.join("\n");
    expect(code).toBe(0);
    expect(text).toContain("a 784-4-10 sigmoid network on 8,000 handwritten digits (MNIST, 2,000 more held out)");
    // checks before steps 0, 1 and 2 and after the last: each in the log with its worst relative error
    expect(
      lines.filter((l) => /^ {2}check at iteration \d \(50 examples\): vs tape pass .* worst relative error \d\.\de-\d+$/.test(l)),
    ).toHaveLength(4);
    expect(text).toContain("gradient checks: 4 of 4 passed");
    expect(lines.filter((l) => /^ {2}iteration [123]\/3 {2}J \d+\.\d{4} {2}\d+\.\d s$/.test(l))).toHaveLength(6); // plain lines: not a terminal
    expect(text).toMatch(/test accuracy +\d+\.\d% +\d+\.\d%/);
    expect(text).toMatch(/gradient checks +4 of 4 passed +0 of 4 passed/);

    const html = readFileSync(join(dir, "train-report.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html.match(/src="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(4 + 1); // 4 hidden units, ≥ 1 misclassified
    const figures = JSON.parse(readFileSync(join(dir, "train-figures.json"), "utf8"));
    expect(figures.costHistory).toHaveLength(4);
    expect(figures.slide.costHistory).toHaveLength(4);
    expect(figures.hiddenWeights).toHaveLength(4);
    expect(figures.hiddenWeights[0]).toHaveLength(784);
    expect(figures.confusion.test.flat().reduce((a: number, b: number) => a + b, 0)).toBe(2000);
    for (const d of figures.misclassified) expect(d.label).not.toBe(d.predicted);

    // The trained Θ is a valid case file whose expected answer `eval` reproduces.
    const thetaFile = join(dir, "train-theta.json");
    const parsed = parseCaseText(readFileSync(thetaFile, "utf8"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.layerSizes).toEqual([784, 4, 10]);
    const evaluated: string[] = [];
    expect(await evalCommand([thetaFile], (l) => evaluated.push(l))).toBe(0);
    expect(Math.abs(JSON.parse(evaluated[0]).J - parsed.value.expected!.J)).toBeLessThan(1e-12);
  });

  it("rejects bad options before loading anything", async () => {
    const dir = tempFolder("train");
    const out = () => {};
    await expect(trainCommand(["--rate", "0"], out)).rejects.toThrow(UsageError);
    await expect(trainCommand(["--rate", "0", "--report", join(dir, "out")], out)).rejects.toThrow("--rate expects a number > 0, got 0");
    await expect(trainCommand(["--hidden", "25,x"], out)).rejects.toThrow("--hidden expects layer sizes like 25 or 50,25, got 25,x");
    await expect(trainCommand(["--lambda", "-1"], out)).rejects.toThrow("--lambda expects a number ≥ 0, got -1");
    await expect(trainCommand(["--report"], out)).rejects.toThrow("--report needs a value");
    await expect(trainCommand(["--epochs", "3"], out)).rejects.toThrow("unknown option --epochs");
    expect(existsSync(join(dir, "out"))).toBe(false); // nothing written for a refused command line
  });
});

describe("the confusion matrix", () => {
  it("counts true digit by answer and its diagonal is the accuracy", () => {
    const c = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(c.counts).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(c.accuracy).toBeCloseTo(4 / 6, 15);
    expect(renderConfusion(c)).toEqual([
      "true \\ predicted    0   1   2",
      "                0    1   1   0",
      "                1    0   1   0",
      "                2    1   0   2",
    ]);
  });
});
