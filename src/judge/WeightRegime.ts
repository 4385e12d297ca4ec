/** The kinds of weights a random case is drawn with (src/judge/submissionCaseArbitrary.ts says what each is for). */
export type WeightRegime = "ordinary" | "saturated" | "tiny" | "overflow";
