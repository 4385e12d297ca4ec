import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { costChartSpec, costChartSvg } from "../report/trainCostChart.ts";
import type { Split } from "../train/splitDigits.ts";
import type { TrainingRun } from "../train/trainDigits.ts";
import { trainedCase } from "./trainedCase.ts";
import { trainFigures } from "../train/trainFigures.ts";
import { trainReportHtml } from "../report/trainReportHtml.ts";

/** `train --report DIR`: the HTML page, its figures as JSON, and the trained Θ as a case file. Returns the paths written. */
export async function writeTrainReport(dir: string, run: TrainingRun, split: Split, slide?: TrainingRun): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const figures = trainFigures(run, split.test, slide);
  const spec = costChartSpec([
    { name: "D = (1/m)Δ + (λ/m)Θ", costHistory: run.costHistory },
    ...(slide ? [{ name: "slide: D = (1/m)Δ + λΘ", costHistory: slide.costHistory }] : []),
  ]);
  const files = {
    html: join(dir, "train-report.html"),
    figures: join(dir, "train-figures.json"),
    theta: join(dir, "train-theta.json"),
  };
  writeFileSync(files.html, trainReportHtml(figures, await costChartSvg(spec)));
  writeFileSync(files.figures, JSON.stringify({ ...figures, costChart: spec }) + "\n");
  writeFileSync(files.theta, JSON.stringify(trainedCase(run, split.test)) + "\n");
  return Object.values(files);
}
