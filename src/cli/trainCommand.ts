import { renderConfusion } from "../train/confusionMatrix.ts";
import { loadDigits } from "../train/loadDigits.ts";
import { renderFailedVerification, renderVerification } from "../report/renderVerification.ts";
import { slideLambdaGradient } from "../train/slideLambdaGradient.ts";
import { splitDigits, type Split } from "../train/splitDigits.ts";
import { defaultTrainSettings, digitNetwork, trainDigits, type TrainingRun, type TrainSettings } from "../train/trainDigits.ts";
import { rng } from "../numeric/random.ts";
import { integerOption, numberOption, parseArgs, UsageError, type Args } from "./args.ts";
import { progress } from "./progress.ts";

/** The data split is fixed, whatever --seed says, so runs that differ in settings see the same digits. */
export const splitSeed = 20260101;
export const trainCount = 8000,
  testCount = 2000;

export interface TrainCommandOptions {
  /** draw a progress bar (default: when stderr is a terminal) */
  readonly interactive?: boolean;
}

/**
 * `gradcheck train [--hidden 25] [--lambda 1] [--iterations N] [--rate α] [--seed S]
 * [--report DIR] [--slide-lambda]`: batch gradient descent on 8,000 handwritten digits, the
 * gradient checked at checkpoints, accuracy and the confusion matrix on 2,000 held-out digits.
 * Exit code 0, 1 when a check stopped the run or the data cannot be read, 2 for usage errors.
 */
export async function trainCommand(
  words: readonly string[],
  out: (line: string) => void,
  options: TrainCommandOptions = {},
): Promise<number> {
  const args = parseArgs(words, ["hidden", "lambda", "iterations", "rate", "seed", "report"], ["slide-lambda"]);
  if (args.positional.length) throw new UsageError(`train takes no positional arguments, got ${args.positional[0]}`);
  const settings = settingsFrom(args);
  const reportDir = args.options.get("report");
  if (reportDir === true) throw new UsageError("--report needs a folder");

  const loaded = loadDigits();
  if (!loaded.ok) {
    process.stderr.write(`gradcheck train: ${loaded.error}\n`);
    return 1;
  }
  const split = splitDigits(loaded.value, trainCount, testCount, rng(splitSeed));
  printHeading(settings, out);
  const run = trainVerbose(split, settings, out, options.interactive);
  const slide = args.options.has("slide-lambda") ? slideRun(split, settings, out, options.interactive) : undefined;

  out("");
  if (run.stoppedBy) {
    out(`STOPPED at iteration ${run.stoppedBy.iteration}: the gradient training follows disagrees with the independent methods.`);
    for (const line of renderFailedVerification(run.stoppedBy)) out(`  ${line}`);
  }
  for (const line of summary(run, slide)) out(line);
  if (typeof reportDir === "string") {
    const { writeTrainReport } = await import("./writeTrainReport.ts");
    for (const file of await writeTrainReport(reportDir, run, split, slide)) out(`wrote ${file}`);
  }
  return run.stoppedBy ? 1 : 0;
}

function printHeading(settings: TrainSettings, out: (line: string) => void): void {
  const sizes = digitNetwork(settings.hidden).layerSizes.join("-");
  out(`gradcheck train — a ${sizes} sigmoid network on ${count(trainCount)} handwritten digits (MNIST, ${count(testCount)} more held out)`);
  out(
    `λ = ${settings.lambda}, α = ${settings.rate}, ${settings.iterations} iterations of batch gradient descent, seed ${settings.seed}; D = (1/m)Δ + (λ/m)Θ`,
  );
}

/** --slide-lambda: the same run with the slide's gradient, its checks expected to fail and training going on regardless. */
function slideRun(split: Split, settings: TrainSettings, out: (line: string) => void, interactive: boolean | undefined): TrainingRun {
  out("");
  out(`The same run with the slide's D = (1/m)Δ + λΘ (the checks must fail: this gradient is not J's; training goes on regardless):`);
  return trainVerbose(split, { ...settings, gradient: slideLambdaGradient, stopOnFailure: false }, out, interactive, true);
}

function settingsFrom(args: Args): TrainSettings {
  const hiddenText = args.options.get("hidden");
  let hidden = defaultTrainSettings.hidden;
  if (hiddenText !== undefined) {
    const parts = hiddenText === true ? [] : hiddenText.split(",").map(Number);
    if (parts.length === 0 || parts.some((s) => !Number.isInteger(s) || s < 1))
      throw new UsageError(`--hidden expects layer sizes like 25 or 50,25, got ${hiddenText}`);
    hidden = parts;
  }
  return {
    ...defaultTrainSettings,
    hidden,
    lambda: numberOption(args, "lambda", defaultTrainSettings.lambda, 0),
    rate: numberOption(args, "rate", defaultTrainSettings.rate, 0, true),
    iterations: integerOption(args, "iterations", defaultTrainSettings.iterations, 1),
    seed: integerOption(args, "seed", defaultTrainSettings.seed, 0),
  };
}

/** One training run with its progress and its checks in the log. */
export function trainVerbose(
  split: Split,
  settings: TrainSettings,
  out: (line: string) => void,
  interactive?: boolean,
  quietChecks = false,
): TrainingRun {
  const bar = progress(settings.iterations, out, interactive);
  let shown = 0;
  try {
    return trainDigits(split, settings, {
      onStep: (i, J) => bar.step(i, J),
      onCheck: (v) => {
        // A deliberately wrong gradient fails every check; one line says so, the rest would repeat it.
        if (!quietChecks || shown++ === 0) bar.log(`  ${renderVerification(v)}`);
      },
    });
  } finally {
    bar.stop();
  }
}

function summary(run: TrainingRun, slide?: TrainingRun): string[] {
  const lines: string[] = [];
  const checksPassed = run.checks.filter((c) => c.passed).length;
  const worst = Math.max(...run.checks.map((c) => c.worstRelError));
  lines.push(
    `${run.steps} iterations in ${(run.trainingMs / 1000).toFixed(1)} s (${(run.trainingMs / Math.max(1, run.steps)).toFixed(0)} ms each, checks excluded); J ${run.costHistory[0].toFixed(4)} → ${run.costHistory[run.costHistory.length - 1].toFixed(4)}`,
  );
  lines.push(
    `gradient checks: ${checksPassed} of ${run.checks.length} passed (tape, finite differences, directional), worst relative error ${worst.toExponential(1)}`,
  );
  lines.push("", "test set confusion matrix:", ...renderConfusion(run.test.confusion));
  lines.push("");
  if (slide) {
    const w = 28;
    const row = (label: string, ours: string, slides: string) => lines.push(`${label.padEnd(20)}${ours.padEnd(w)}${slides}`);
    row("", "D = (1/m)Δ + (λ/m)Θ", "slide: D = (1/m)Δ + λΘ");
    row("training accuracy", percent(run.train.confusion.accuracy), percent(slide.train.confusion.accuracy));
    row("test accuracy", percent(run.test.confusion.accuracy), percent(slide.test.confusion.accuracy));
    row("final J", jText(run), jText(slide));
    row(
      "gradient checks",
      `${checksPassed} of ${run.checks.length} passed`,
      `${slide.checks.filter((c) => c.passed).length} of ${slide.checks.length} passed`,
    );
  } else {
    lines.push(`training accuracy ${percent(run.train.confusion.accuracy)}, test accuracy ${percent(run.test.confusion.accuracy)}`);
  }
  return lines;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const count = (n: number) => n.toLocaleString("en-US");
const jText = (r: TrainingRun) => {
  const J = r.costHistory[r.costHistory.length - 1];
  return Number.isFinite(J) && J < 1e4 ? J.toFixed(4) : J.toExponential(2);
};
