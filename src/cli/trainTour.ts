import { rng } from "../numeric/random.ts";
import { subset } from "../train/Digits.ts";
import { loadDigits } from "../train/loadDigits.ts";
import { renderVerification } from "../report/renderVerification.ts";
import { splitDigits } from "../train/splitDigits.ts";
import { defaultTrainSettings, trainDigits, type TrainSettings } from "../train/trainDigits.ts";
import { splitSeed, testCount, trainCount } from "./trainCommand.ts";

/** A quarter of the training split and 300 steps: the whole algorithm, verified, in seconds rather than a minute. */
const tourTrainCount = 2000;
const tourSettings: TrainSettings = { ...defaultTrainSettings, iterations: 300, checkpoints: 1 };

/** The tour's last stop: gradient descent on real digits with the verified gradient. */
export function trainTour(out: (line: string) => void): number {
  const loaded = loadDigits();
  if (!loaded.ok) {
    out(`   (skipped: ${loaded.error})`);
    return 0;
  }
  const split = splitDigits(loaded.value, trainCount, testCount, rng(splitSeed));
  const small = {
    train: subset(
      split.train,
      Array.from({ length: tourTrainCount }, (_, i) => i),
    ),
    test: split.test,
  };
  const s = tourSettings;
  out(
    `   784-25-10 network, ${tourTrainCount.toLocaleString("en-US")} training digits, λ = ${s.lambda}, α = ${s.rate}, ${s.iterations} iterations; the gradient checked three ways as it trains:`,
  );
  const run = trainDigits(small, s, { onCheck: (v) => out(`   ${renderVerification(v)}`) });
  const passed = run.checks.filter((c) => c.passed).length;
  out(
    `   J ${run.costHistory[0].toFixed(3)} → ${run.costHistory[run.costHistory.length - 1].toFixed(3)} in ${(run.trainingMs / 1000).toFixed(1)} s; ` +
      `gradient checks passed: ${passed} of ${run.checks.length}`,
  );
  out(
    `   accuracy: ${pct(run.train.confusion.accuracy)} on the training digits, ${pct(run.test.confusion.accuracy)} on ${testCount.toLocaleString("en-US")} held-out digits`,
  );
  out("   The full run: `npx gradcheck train` (8,000 digits; --report DIR draws the hidden units; --slide-lambda prices the slide's λΘ).");
  return run.stoppedBy ? 1 : 0;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
