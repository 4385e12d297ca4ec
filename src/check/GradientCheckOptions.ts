import type { FdOptions } from "../numeric/index.ts";
import type { CompareOptions } from "./compareGradients.ts";
import type { Precision } from "./precision.ts";

export interface GradientCheckOptions extends CompareOptions {
  readonly fd?: FdOptions;
  /**
   * A fixed finite-difference step (central differences at x ± eps), as torch.autograd.gradcheck
   * takes it. Without it the step is chosen per entry to balance round-off against truncation.
   * With it, entries are held to `tolerance` alone (default atol 1e-5, rtol 1e-3, PyTorch's), the
   * finite-difference error reported beside them rather than added.
   */
  readonly eps?: number;
  /**
   * The precision f computes in: its floors and the round-off the steps are sized to.
   * "auto" (the default) measures f's noise near x and reports what it found.
   */
  readonly precision?: Precision | "auto";
  /**
   * How much two calls on the same x may differ, entry by entry (as PyTorch's nondet_tol):
   * default 0, so a function whose answers change between identical calls fails, saying so.
   */
  readonly nondeterminismTolerance?: number;
}
