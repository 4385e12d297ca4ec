/**
 * The wall-clock time one submission may spend in calls that get no answer, all of them
 * together, with the restarts that follow them. Without it, a hang costs one time limit per
 * call a grader makes (each rubric test, the never-answered probe, the diagnosing search): many
 * minutes for one student's infinite loop. Once it is spent, later calls fail at once.
 */
export interface HangBudget {
  /** what is left, ms (never negative) */
  remainingMs(): number;
  /** charges the wall time of a call that got no answer, or of a restart after one */
  spend(ms: number): void;
}

/**
 * The default: twice the per-call limit, so a timed-out call can be retried once (a neighbour
 * that keeps the machine busy is not a hang), and never less than 40 s, so that with the
 * 20 s start-up allowance a submission that hangs costs at most a minute.
 */
export const hangBudgetMsFor = (callTimeoutMs: number): number => Math.max(40_000, 2 * callTimeoutMs);

export function hangBudget(totalMs: number): HangBudget {
  let spent = 0;
  return {
    remainingMs: () => Math.max(0, totalMs - spent),
    spend(ms) {
      spent += Math.max(0, ms);
    },
  };
}
