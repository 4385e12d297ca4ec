/** A named pattern in the submission's answers, with the number that shows it. */
export interface Clue {
  readonly id: ClueId;
  /** what the numbers show, in one sentence, numbers included */
  readonly message: string;
  /** the clue's number: the scale factor c, the clip value ε, the relative error, … */
  readonly value?: number;
}

export type ClueId =
  | "scale-factor"
  | "gradient-layout"
  | "single-precision"
  | "clipped-log"
  | "confined-errors"
  | "near-match"
  | "cost-wrong-backprop-consistent"
  | "cost-right-backprop-wrong";

/** Titles for reports; the order is the order clues are reported in. */
export const clueTitles: Readonly<Record<ClueId, string>> = {
  "scale-factor": "Off by a constant factor",
  "gradient-layout": "The right numbers in the wrong places",
  "single-precision": "Single-precision arithmetic",
  "clipped-log": "The log is clipped",
  "confined-errors": "Errors confined to one part of Θ",
  "near-match": "Near match of a known mistake",
  "cost-wrong-backprop-consistent": "Your cost is wrong; your backprop is right for it",
  "cost-right-backprop-wrong": "Your cost is right; your backprop is wrong for it",
};
