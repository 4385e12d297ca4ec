import { batchBackprop } from "../backprop/batch.ts";
import type { Case } from "../network/Network.ts";
import { caseFileOf, type CaseFile } from "../judge/caseFileOf.ts";
import { oneHot, subset, type Digits } from "../train/Digits.ts";
import type { TrainingRun } from "../train/trainDigits.ts";

/**
 * The trained Θ as a case file on the first `m` test digits, with J and ∂J/∂Θ there as the
 * expected answer, so `gradcheck eval` (or someone's own implementation) can be run on it.
 */
export function trainedCase(run: TrainingRun, test: Digits, m = 20): CaseFile {
  const sample = subset(
    test,
    Array.from({ length: Math.min(m, test.X.rows) }, (_, i) => i),
  );
  const c: Case = {
    ...run.network,
    name: `mnist-${run.network.layerSizes.join("-")}-trained`,
    lambda: run.settings.lambda,
    X: sample.X,
    Y: oneHot(sample.labels),
    theta: run.theta,
  };
  const labelled = { ...c, labels: Array.from(sample.labels) };
  return caseFileOf(labelled, batchBackprop(labelled, labelled.theta));
}
