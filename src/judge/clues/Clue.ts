/** A named pattern in the submission's answers, with the number that shows it. */
export interface Clue {
  readonly id: ClueId;
  /** what the numbers show, in one sentence, numbers included */
  readonly message: string;
  /** the clue's number: the scale factor c, the clip value ε, the relative error, … */
  readonly value?: number;
  /** the share of the error (0 to 1) that the clue's model reproduces, where it has one: clues are ranked by it */
  readonly explains?: number;
}

export type ClueId =
  | "scale-factor"
  | "gradient-layout"
  | "single-precision"
  | "clipped-log"
  | "confined-errors"
  | "near-match"
  | "cost-wrong-backprop-consistent"
  | "cost-right-backprop-wrong"
  | "only-cost-wrong"
  | "only-gradient-wrong"
  | "log-epsilon"
  | "regularizer-layers"
  | "regularizer-scale"
  | "clipped-gradient"
  | "data-term-sign"
  | "softmax-over-examples"
  | "shifted-labels"
  | "broadcast-k1"
  | "random-answers"
  | "output-activation"
  | "derivative-formula"
  | "deep-only";

/** Titles for reports; the order is the order clues are reported in, after those ranked by the share of the error they explain. */
export const clueTitles: Readonly<Record<ClueId, string>> = {
  "only-cost-wrong": "∇J is exactly right; only J is wrong",
  "only-gradient-wrong": "J is exactly right; only ∇J is wrong",
  "scale-factor": "Off by a constant factor",
  "gradient-layout": "The right numbers in the wrong places",
  "single-precision": "Single-precision arithmetic",
  "clipped-log": "The log is clipped",
  "confined-errors": "Errors confined to one part of Θ",
  "near-match": "Near match of a known mistake",
  "cost-wrong-backprop-consistent": "Your cost is wrong; your backprop is right for it",
  "cost-right-backprop-wrong": "Your cost is right; your backprop is wrong for it",
  "log-epsilon": "An ε inside the log",
  "regularizer-layers": "The regulariser covers only some layers",
  "regularizer-scale": "The regulariser's constant",
  "clipped-gradient": "∇J capped at a constant",
  "data-term-sign": "The data term's sign flipped",
  "softmax-over-examples": "Softmax normalised over the examples",
  "shifted-labels": "Labels shifted and wrapped",
  "broadcast-k1": "A shape slip that shows only at K = 1",
  "random-answers": "Randomness left in the cost",
  "output-activation": "Another activation on the output layer",
  "derivative-formula": "A wrong formula for g′",
  "deep-only": "Wrong only past a depth",
};

/** How a ranked clue says its share, for every renderer: "explains 100% of the error". */
export function explainedText(c: Clue): string | undefined {
  if (c.explains === undefined) return undefined;
  // three digits, so that a share just short of the whole error does not read as 100%
  const percent = c.explains === 1 ? "100" : Number((100 * c.explains).toPrecision(3)).toString();
  return `explains ${percent}% of the error`;
}
