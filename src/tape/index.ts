// The reverse-mode autodiff tape: what a user needs to write a cost with tape ops and get its gradient.
export { Tape, type Gradients, type TapeOptions } from "./Tape.ts";
export { Value, constant, type Operand } from "./Value.ts";
export { grad, type ValueAndGradient, type MatrixOf } from "./grad.ts";
export { rules, type Rules, type OpName } from "./rules.ts";
export type { Rule } from "./Rule.ts";
export { TapeError } from "./TapeError.ts";
export { networkCost } from "./networkCost.ts";
export { tapeBackprop } from "./tapeBackprop.ts";
export { gradcheck, assertGradcheck, type GradcheckOptions } from "./gradcheck.ts";
