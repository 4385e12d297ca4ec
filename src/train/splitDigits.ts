import { drawIndices, type Rng } from "../numeric/random.ts";
import { subset, type Digits } from "./Digits.ts";

export interface Split {
  readonly train: Digits;
  readonly test: Digits;
}

/**
 * A training and a held-out test set drawn without overlap by a seeded Fisher–Yates shuffle
 * of all the examples, so every digit appears in proportion and the same seed always gives
 * the same split. (The data package's own split uses Math.random and, with only 863 fives,
 * returns fewer test digits than asked.)
 */
export function splitDigits(digits: Digits, trainCount: number, testCount: number, random: Rng): Split {
  const m = digits.X.rows;
  if (!Number.isInteger(trainCount) || !Number.isInteger(testCount) || trainCount < 1 || testCount < 0 || trainCount + testCount > m) {
    throw new RangeError(`cannot split ${m} examples into ${trainCount} for training and ${testCount} for testing`);
  }
  const order = drawIndices(m, trainCount + testCount, random);
  return { train: subset(digits, order.subarray(0, trainCount)), test: subset(digits, order.subarray(trainCount, trainCount + testCount)) };
}
