/** Training the lecture's network on real handwritten digits, its gradient verified as it goes. */
export { classCount, imageSide, oneHot, pixelsPerImage, subset, type Digits } from "./Digits.ts";
export { installHint, loadDigits, mnistDigitsDir, type LoadedDigits } from "./loadDigits.ts";
export { parseDigitFile } from "./parseDigitFile.ts";
export { splitDigits, type Split } from "./splitDigits.ts";
export { verifyGradient, type GradientVerification, type VerifyOptions } from "./verifyGradient.ts";
export {
  checkpointSteps,
  defaultTrainSettings,
  digitNetwork,
  trainDigits,
  type DigitsScore,
  type TrainingRun,
  type TrainObservers,
  type TrainSettings,
} from "./trainDigits.ts";
export { slideLambdaGradient } from "./slideLambdaGradient.ts";
export { predictLabels } from "./predictLabels.ts";
export { confusionMatrix, renderConfusion, type ConfusionMatrix } from "./confusionMatrix.ts";
export { trainFigures, type TrainFigures, type MisclassifiedDigit, type CheckSummary } from "./trainFigures.ts";
