import { batchBackprop, withExamplesResident } from "../backprop/batch.ts";
import { randomInitialTheta } from "../network/init.ts";
import type { CostAndGradient, Network, Problem, Theta } from "../network/Network.ts";
import { drawIndices, rng, type Rng } from "../numeric/random.ts";
import { gradientDescent } from "../network/train.ts";
import type { Matrix } from "../linalg/Matrix.ts";
import { confusionMatrix, type ConfusionMatrix } from "./confusionMatrix.ts";
import { classCount, oneHot, pixelsPerImage, subset, type Digits } from "./Digits.ts";
import { predictLabels } from "./predictLabels.ts";
import type { Split } from "./splitDigits.ts";
import { verifyGradient, type GradientVerification } from "./verifyGradient.ts";

export interface TrainSettings {
  /** sizes of the hidden layers, e.g. [25] */
  readonly hidden: readonly number[];
  readonly lambda: number;
  /** α, the learning rate */
  readonly rate: number;
  readonly iterations: number;
  /** seeds the initial Θ, the check sample, the checked entries and directions */
  readonly seed: number;
  /** checks before the first step, at `checkpoints` evenly spaced steps, and after the last */
  readonly checkpoints: number;
  /** examples in the sample the checks run on */
  readonly checkSample: number;
  /** ∂J/∂Θ that training follows and the checks verify; default the batch backprop */
  readonly gradient?: (problem: Problem, theta: Theta) => CostAndGradient;
  /** stop at the first check that fails (default true) */
  readonly stopOnFailure?: boolean;
}

export const defaultTrainSettings: TrainSettings = {
  hidden: [25],
  lambda: 1,
  rate: 2,
  iterations: 400,
  seed: 1,
  checkpoints: 3,
  checkSample: 50,
};

export interface DigitsScore {
  readonly confusion: ConfusionMatrix;
  readonly predicted: Uint8Array;
}

export interface TrainingRun {
  readonly network: Network;
  readonly settings: TrainSettings;
  readonly theta: Matrix[];
  /** J over the whole training set before each step, then at the final Θ */
  readonly costHistory: number[];
  readonly steps: number;
  readonly checks: readonly GradientVerification[];
  /** the check that stopped the run, if one did */
  readonly stoppedBy: GradientVerification | null;
  readonly train: DigitsScore;
  readonly test: DigitsScore;
  /** wall time of the descent alone (checks excluded) */
  readonly trainingMs: number;
}

export interface TrainObservers {
  readonly onStep?: (step: number, J: number) => void;
  readonly onCheck?: (check: GradientVerification) => void;
}

/** The network of the lecture for 28×28 digits: 784 inputs, the hidden layers, K = 10 sigmoid outputs. */
export function digitNetwork(hidden: readonly number[]): Network {
  return {
    layerSizes: [pixelsPerImage, ...hidden, classCount],
    hiddenActivation: "sigmoid",
    outputActivation: "sigmoid",
    cost: "cross-entropy",
  };
}

/**
 * Batch gradient descent on the training digits, the gradient verified before the first
 * step, at checkpoints and after the last; scored on both sets at the end.
 */
export function trainDigits(split: Split, settings: TrainSettings, observers: TrainObservers = {}): TrainingRun {
  const network = digitNetwork(settings.hidden);
  const problem: Problem = { ...network, lambda: settings.lambda, X: split.train.X, Y: oneHot(split.train.labels) };
  const random = rng(settings.seed);
  const initial = randomInitialTheta(network.layerSizes, random);
  const sample = problemOf(subset(split.train, drawIndices(split.train.X.rows, settings.checkSample, random)), network, settings.lambda);
  const gradient = settings.gradient ?? batchBackprop;
  const checkAt = checkpointSteps(settings.iterations, settings.checkpoints);
  const verifier = gradientVerifier(sample, gradient, random, settings.stopOnFailure ?? true, observers.onCheck);

  const t0 = performance.now();
  // The training digits are copied into the kernel's memory once for all the steps.
  const descent = withExamplesResident(problem, initial, () =>
    gradientDescent(problem, initial, gradient, settings.rate, settings.iterations, {
      beforeStep: (step, theta) => (checkAt.has(step) ? verifier.check(step, theta) : true),
      afterStep: observers.onStep,
    }),
  );
  const trainingMs = performance.now() - t0 - verifier.ms();
  if (verifier.stoppedBy() === null && descent.steps === settings.iterations) verifier.check(descent.steps, descent.theta);
  const { checks } = verifier;
  const stoppedBy = verifier.stoppedBy();

  return {
    network,
    settings,
    theta: descent.theta,
    costHistory: descent.costHistory,
    steps: descent.steps,
    checks,
    stoppedBy,
    train: score(network, descent.theta, split.train),
    test: score(network, descent.theta, split.test),
    trainingMs,
  };
}

/**
 * The gradient checked at a checkpoint on the sample; a failure stops training when asked to.
 * The time spent checking is kept apart, so training's own time is reported without it.
 */
function gradientVerifier(
  sample: Problem,
  gradient: NonNullable<TrainSettings["gradient"]>,
  random: Rng,
  stopOnFailure: boolean,
  onCheck: TrainObservers["onCheck"],
) {
  const checks: GradientVerification[] = [];
  let stoppedBy: GradientVerification | null = null;
  let checkMs = 0;
  const check = (iteration: number, theta: Theta): boolean => {
    const t0 = performance.now();
    const v = verifyGradient(sample, theta, gradient, { random, iteration });
    checkMs += performance.now() - t0;
    checks.push(v);
    onCheck?.(v);
    if (!v.passed && stopOnFailure) stoppedBy = v;
    return stoppedBy === null;
  };
  return { check, checks, stoppedBy: () => stoppedBy, ms: () => checkMs };
}

function problemOf(digits: Digits, network: Network, lambda: number): Problem {
  return { ...network, lambda, X: digits.X, Y: oneHot(digits.labels) };
}

function score(network: Network, theta: Theta, digits: Digits): DigitsScore {
  const predicted = predictLabels(network, theta, digits.X);
  return { confusion: confusionMatrix(digits.labels, predicted, classCount), predicted };
}

/** Step 0 and `count` more evenly spaced steps before the end. */
export function checkpointSteps(iterations: number, count: number): Set<number> {
  const steps = new Set([0]);
  for (let c = 1; c <= count; c++) steps.add(Math.round((c * iterations) / (count + 1)));
  steps.delete(iterations);
  return steps;
}
