import type { Hints } from "../check/compareGradients.ts";

/**
 * The hints a comparison of a network's gradient gives in the network's words (Θ⁽ˡ⁾, δ, the
 * regulariser), where check's own speak of any function of x: check knows nothing of networks.
 */
export const networkHints: Hints = {
  "gradient-mismatch":
    "Look at the worst entries' layer and column: a whole layer wrong points at its δ, only weights (not the bias column) at the regulariser, one column at the input.",
  "non-finite-numerical":
    "The cost overflows or is undefined near this point; evaluate it stably (e.g. softplus(z) − y·z for cross-entropy).",
};
