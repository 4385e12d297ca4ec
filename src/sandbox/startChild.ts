import type { CallOutcome, CostRequest, Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import { hangBudget, hangBudgetMsFor, type HangBudget } from "./hangBudget.ts";
import { Session, type ChildSpec } from "./childImplementation.ts";

/**
 * A submission behind a child process. A crash, a hang, process.exit or an early exit ends
 * only the child: the pending call becomes an outcome, the old process tree is killed and
 * reaped, and the next call starts a fresh child.
 */
export async function startChild(spec: ChildSpec): Promise<Implementation | LoadFailure> {
  const first = await Session.start(spec);
  if ("problem" in first) return first;
  const child = new Restarting(spec, first);
  return {
    description: spec.description,
    warnings: spec.warnings,
    call: (request: CostRequest) => child.call(request),
    // gradcheck's own harness and adapters read requests in order as they come; a process
    // submission's own reader may expect the next request only after its answer.
    ...(spec.channel !== "stdio" ? { callEach: (requests: readonly CostRequest[]) => child.callEach(requests) } : {}),
    exhausted: () => child.exhausted(),
    close: () => child.close(),
  };
}

/**
 * The child across its restarts: after a failure the next call starts a fresh one, and the
 * time calls without an answer take (with the restarts after them) is charged to one budget.
 */
class Restarting {
  private nextId = 1;
  private answered = false;
  private timedOut = false;
  private lastHang = "";
  private readonly hangMs: number;
  private readonly budget: HangBudget;

  constructor(
    private readonly spec: ChildSpec,
    private session: Session | undefined,
  ) {
    this.hangMs = spec.hangBudgetMs ?? hangBudgetMsFor(spec.callTimeoutMs);
    this.budget = hangBudget(this.hangMs);
  }

  async call(request: CostRequest): Promise<CallOutcome> {
    if (this.exhausted()) return this.spent();
    const s = await this.running();
    if ("problem" in s) return { kind: "crashed", message: `could not restart after the previous failure: ${s.message}` };
    return this.noted(await s.call({ id: this.nextId++, ...request }, this.budget));
  }

  async callEach(requests: readonly CostRequest[]): Promise<CallOutcome[]> {
    if (this.exhausted()) return [this.spent()];
    const s = await this.running();
    if ("problem" in s) return [{ kind: "crashed", message: `could not restart after the previous failure: ${s.message}` }];
    const outcomes = await s.callEach(
      requests.map((r) => ({ id: this.nextId++, ...r })),
      this.budget,
    );
    return outcomes.map((o) => this.noted(o));
  }

  exhausted(): boolean {
    return this.budget.remainingMs() === 0;
  }

  async close(): Promise<void> {
    await this.session?.dispose();
    this.session = undefined;
  }

  /** The answer once the budget is spent; the last real timeout's message rides along: its stderr says where the submission hangs. */
  private spent(): CallOutcome {
    return {
      kind: "timeout",
      message: `not run: the submission already spent its ${this.hangMs / 1000} s for calls that get no answer (a hang costs at most that much); the last of them: ${this.lastHang}`,
    };
  }

  /** The running child: restarted after a failure, the restart charged to the budget when a hang caused it. */
  private async running(): Promise<Session | LoadFailure> {
    if (this.session?.alive) return this.session;
    await this.session?.dispose();
    const started = performance.now();
    const s = await Session.start(this.spec);
    if (this.timedOut) this.budget.spend(performance.now() - started);
    if ("problem" in s) return s;
    return (this.session = s);
  }

  /** Remembers a hang for the budget, and says so when a process crashed before it ever answered. */
  private noted(outcome: CallOutcome): CallOutcome {
    this.timedOut = outcome.kind === "timeout";
    if (outcome.kind === "timeout") this.lastHang = outcome.message;
    if (outcome.kind === "crashed" && !this.answered && this.spec.channel !== "harness") {
      return {
        ...outcome,
        message: outcome.message.replace("during the call", "before answering its first request"),
        neverAnswered: true,
      };
    }
    if (outcome.kind !== "crashed" && outcome.kind !== "timeout" && outcome.kind !== "memory-limit") this.answered = true;
    return outcome;
  }
}
