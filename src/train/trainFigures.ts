import { pixelsPerImage, type Digits } from "./Digits.ts";
import type { ConfusionMatrix } from "./confusionMatrix.ts";
import type { TrainingRun } from "./trainDigits.ts";

export interface MisclassifiedDigit {
  /** row of the test set */
  readonly index: number;
  readonly label: number;
  readonly predicted: number;
  /** 784 grey levels in [0, 1], row by row */
  readonly pixels: number[];
}

export interface CheckSummary {
  readonly iteration: number;
  readonly passed: boolean;
  readonly tape: boolean;
  readonly fd: boolean;
  readonly directional: boolean;
  readonly worstRelError: number;
}

/** Everything the report draws, as plain JSON-ready data. */
export interface TrainFigures {
  readonly layerSizes: number[];
  readonly lambda: number;
  readonly rate: number;
  readonly iterations: number;
  readonly steps: number;
  readonly seed: number;
  readonly trainingSeconds: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly costHistory: number[];
  /** the same run with the slide's D, when it was trained too */
  readonly slide?: { readonly costHistory: number[]; readonly testAccuracy: number; readonly trainAccuracy: number };
  readonly confusion: { readonly train: number[][]; readonly test: number[][] };
  readonly checks: CheckSummary[];
  readonly misclassified: MisclassifiedDigit[];
  /** Θ⁽¹⁾ row i past its bias column: what hidden unit i responds to, as a 28×28 image of weights */
  readonly hiddenWeights: number[][];
}

export function trainFigures(run: TrainingRun, test: Digits, slide?: TrainingRun, misclassifiedCount = 24): TrainFigures {
  const { settings } = run;
  const T1 = run.theta[0];
  const hiddenWeights = Array.from({ length: T1.rows }, (_, i) => Array.from(T1.data.subarray(i * T1.cols + 1, (i + 1) * T1.cols)));
  return {
    layerSizes: run.network.layerSizes.slice(),
    lambda: settings.lambda,
    rate: settings.rate,
    iterations: settings.iterations,
    steps: run.steps,
    seed: settings.seed,
    trainingSeconds: run.trainingMs / 1000,
    trainAccuracy: run.train.confusion.accuracy,
    testAccuracy: run.test.confusion.accuracy,
    costHistory: run.costHistory.slice(),
    ...(slide
      ? {
          slide: {
            costHistory: slide.costHistory.slice(),
            testAccuracy: slide.test.confusion.accuracy,
            trainAccuracy: slide.train.confusion.accuracy,
          },
        }
      : {}),
    confusion: { train: counts(run.train.confusion), test: counts(run.test.confusion) },
    checks: run.checks.map((c) => ({
      iteration: c.iteration,
      passed: c.passed,
      tape: c.tape.passed,
      fd: c.fd.passed,
      directional: c.directional.passed,
      worstRelError: c.worstRelError,
    })),
    misclassified: misclassified(test, run.test.predicted, misclassifiedCount),
    hiddenWeights,
  };
}

function counts(c: ConfusionMatrix): number[][] {
  return c.counts.map((row) => row.slice());
}

/** The first `count` test digits the network got wrong, in test-set order. */
function misclassified(test: Digits, predicted: Uint8Array, count: number): MisclassifiedDigit[] {
  const out: MisclassifiedDigit[] = [];
  for (let i = 0; i < test.X.rows && out.length < count; i++) {
    if (predicted[i] === test.labels[i]) continue;
    out.push({
      index: i,
      label: test.labels[i],
      predicted: predicted[i],
      pixels: Array.from(test.X.data.subarray(i * pixelsPerImage, (i + 1) * pixelsPerImage)),
    });
  }
  return out;
}
