import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import type { CallOutcome, CostRequest } from "./Implementation.ts";
import type { LoadFailure } from "./LoadFailure.ts";
import { maxAnswerDepth, nestsDeeperThan, preview } from "./answerDepth.ts";
import { parseAnswerLine } from "./parseAnswerLine.ts";
import { clipText } from "./clipText.ts";
import { gradientOfAnswer, toNumber } from "./gradientOfAnswer.ts";
import { releaseOnExit } from "./releaseOnExit.ts";
import type { HangBudget } from "./hangBudget.ts";
import type { SubmissionCgroup } from "./submissionCgroup.ts";

/** One start of the child: its command line and what the sandbox made for it. */
export interface Launch {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** the seccomp filter, passed as the child's fd 4 (closed here once passed) */
  readonly filterFd?: number;
  readonly cgroup?: SubmissionCgroup;
  /** what to clean up once the child's processes have ended (files its uid left in shared folders) */
  readonly sweep?: () => void;
}

/** How to start the child and which channel carries its answers. */
export interface ChildSpec {
  readonly description: string;
  /** Sets up one start (a fresh cgroup, uid and filter each time). */
  launch(): Launch | LoadFailure;
  /**
   * "harness": gradcheck's own harness answers on fd 3, tagged with a per-child key.
   * "stdio": the program itself speaks JSON lines on stdin/stdout (a process submission, docs/check.md).
   * "adapter": gradcheck's own adapter calls the submission's function (Octave, Python): it says
   * it is ready (or why it cannot load) on stdout, then reads requests on stdin, framed by their
   * length (frameRequest; Octave has no line read that works on a pipe), and answers in JSON
   * lines on stdout. (Not fd 3 as the harness: Octave can only open a descriptor by its /proc
   * name, which the sandbox's unused uid may not open.)
   */
  readonly channel: "harness" | "stdio" | "adapter";
  readonly warnings: readonly string[];
  readonly callTimeoutMs: number;
  /** CPU time per call (all threads together), measured through the cgroup */
  readonly cpuTimeoutMs: number;
  /** Allowed on top of the first call's limit for loading: the interpreter's start-up, imports */
  readonly startTimeoutMs: number;
  readonly memoryMB: number;
  /** Wall time all calls that get no answer may spend together (default hangBudgetMsFor(callTimeoutMs)) */
  readonly hangBudgetMs?: number;
}

type Message = Record<string, unknown>;

/** One call's limits: wall clock, the cap for a starved call, why the wall limit is what it is, and CPU time. */
interface CallLimits {
  readonly wallMs: number;
  readonly starvedMs: number;
  readonly why: string;
  readonly cpuMs: number;
}

const tailBytes = 4096;
const cpuPollMs = 200;
/**
 * How far past its wall-clock limit a starved (runnable, not sleeping) call may run before it is
 * stopped anyway: 5 × the limit plus 10 s, so that even a short limit survives a few seconds of
 * a machine shared with much other work.
 */
const starvedWallMs = (wallMs: number) => 5 * wallMs + 10_000;
/** A line longer than this is not an answer: the child is killed rather than buffered without end. */
const maxLineBytes = 64 * 1024 * 1024;

/** One start of the child: its channels, its pending answers, and how it is killed and reaped. */
export class Session {
  alive = true;
  private waiting: ((m: Message | { exited: string }) => void) | undefined;
  /** ids of requests written and not yet awaited (callEach), and answers to them that came early */
  private readonly queued = new Set<unknown>();
  private readonly held = new Map<unknown, Message>();
  private endedHow = "ended";
  private out = "";
  private err = "";
  private calls = 0;
  private readonly exited: Promise<void>;
  private readonly release: () => void;

  private constructor(
    private readonly child: ChildProcess,
    private readonly spec: ChildSpec,
    private readonly launch: Launch,
    private readonly requests: Writable,
    private readonly key: string,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) resolve();
      else child.once("close", () => resolve());
      child.once("error", () => resolve());
    });
    this.release = releaseOnExit(() => {
      this.kill();
      launch.cgroup?.remove();
      launch.sweep?.();
    });
  }

  static start(spec: ChildSpec): Promise<Session | LoadFailure> {
    const launch = spec.launch();
    if ("problem" in launch) return Promise.resolve(launch);
    const child = spawned(launch, spec.channel === "harness");
    if ("problem" in child) return Promise.resolve(child);
    const s = Session.attached(child, spec, launch);
    if (spec.channel === "stdio") return Promise.resolve(s);
    return s.ready();
  }

  /** The session over a started child: its channels read, its key sent, its end noted. */
  private static attached(child: ChildProcess, spec: ChildSpec, launch: Launch): Session {
    const harness = spec.channel === "harness";
    const key = randomBytes(16).toString("hex");
    const answers = (harness ? child.stdio[3] : child.stdout) as Readable;
    const requests = (harness ? child.stdio[3] : child.stdin) as Writable;
    const s = new Session(child, spec, launch, requests, key);
    requests.on("error", () => {});
    // The harness reads its key as the first line, before the submission is imported.
    if (harness) requests.write(key + "\n");
    child.stderr!.on("data", (d: Buffer) => (s.err = (s.err + d.toString()).slice(-tailBytes)));
    if (harness) child.stdout!.on("data", (d: Buffer) => (s.out = (s.out + d.toString()).slice(-tailBytes)));
    let pending = "";
    answers.on("data", (d: Buffer) => {
      pending += d.toString();
      let nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        s.receive(line);
      }
      if (pending.length > maxLineBytes) s.kill();
    });
    child.on("error", (e) => s.ended(`could not start: ${e.message}`));
    child.on("close", (code, signal) => s.ended(signal ? `killed by ${signal}` : `exited with code ${code}`));
    return s;
  }

  /** The harness's or adapter's first word: ready, or why the submission could not be loaded, within the start-up limit. */
  private ready(): Promise<Session | LoadFailure> {
    const { spec } = this;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        void this.dispose().then(() =>
          resolve({
            ok: false,
            problem: "startup-timeout",
            message: `${spec.channel === "harness" ? "the module did not finish loading" : `${spec.description} did not start`} within ${spec.startTimeoutMs} ms${this.tail()}`,
          }),
        );
      }, spec.startTimeoutMs);
      this.waiting = (m) => {
        clearTimeout(timer);
        this.waiting = undefined;
        if ("exited" in m) {
          const memory = this.memoryExceeded();
          void this.dispose().then(() =>
            resolve(
              memory
                ? {
                    ok: false,
                    problem: "crashed-on-load",
                    message: `memory limit: the module needed more than ${spec.memoryMB} MB while loading`,
                  }
                : { ok: false, problem: "crashed-on-load", message: `the process ${m.exited} while loading${this.tail()}` },
            ),
          );
        } else if (m.type === "load-error") {
          void this.dispose().then(() => resolve({ ok: false, problem: m.kind as LoadFailure["problem"], message: String(m.message) }));
        } else resolve(this);
      };
    });
  }

  /** stderr (and stdout noise) of the child, for messages. */
  tail(): string {
    // Native stack frames ("  3: 0x… v8::…") say nothing to the author of a submission.
    const err = this.err
      .trim()
      .split("\n")
      .filter((l) => l.trim() && !/^\s*\d+: 0x|^<---|^\s*\[\d+:0x/.test(l))
      .slice(-6)
      .join("\n        ");
    const parts = [err && `stderr: ${err}`, this.out.trim() && `stdout: ${this.out.trim().slice(-300)}`].filter(Boolean);
    return parts.length ? `\n${parts.join("\n")}` : "";
  }

  /**
   * The child was killed by the cgroup's memory limit or stopped while pressing against it, or
   * V8 reached its heap limit: the same finding however busy the machine was.
   */
  memoryExceeded(): boolean {
    const cgroup = this.launch.cgroup;
    return (
      cgroup?.oomKilled() === true ||
      cgroup?.reachedLimit() === true ||
      /JavaScript heap out of memory|Reached heap limit|MemoryError/.test(this.err)
    );
  }

  private receive(line: string): void {
    const m = parseAnswerLine(line) as Message | undefined;
    if (typeof m !== "object" || m === null || Array.isArray(m)) {
      if (this.spec.channel === "stdio") this.out = (this.out + line + "\n").slice(-tailBytes);
      return;
    }
    // Only the harness knows the key: anything else on the channel is forged and ignored.
    if (this.spec.channel === "harness" && m.key !== this.key) return;
    // Several answers may come in one read, before the answer to the next queued request is awaited.
    if (!this.waiting && this.queued.has(m.id)) this.held.set(m.id, m);
    else this.waiting?.(m);
  }

  ended(how: string): void {
    if (!this.alive) return;
    this.alive = false;
    this.endedHow = how;
    this.waiting?.({ exited: how });
  }

  /** SIGKILL the sandbox and everything in its cgroup (its pid namespace dies with it). */
  kill(): void {
    this.alive = false;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    this.launch.cgroup?.killAll();
  }

  /** Kill, wait until the tree is reaped, and remove its cgroup. */
  async dispose(): Promise<void> {
    this.kill();
    await this.exited;
    this.release();
  }

  call(request: CostRequest & { id: number }, budget: HangBudget): Promise<CallOutcome> {
    this.requests.write(this.framed(JSON.stringify(request) + "\n"));
    return this.answerTo(request, budget);
  }

  private framed(line: string): string {
    return this.spec.channel === "adapter" ? frameRequest(line) : line;
  }

  /**
   * The requests written at once, the answers awaited in order: each call's time limits start
   * when the answer before it arrives, as if it had been sent then. Stops at an outcome that
   * ended the child (the requests after it have no one to answer them).
   */
  async callEach(requests: readonly (CostRequest & { id: number })[], budget: HangBudget): Promise<CallOutcome[]> {
    for (const r of requests) this.queued.add(r.id);
    const line = requestLines();
    this.requests.write(requests.map((r) => this.framed(line(r))).join(""));
    const outcomes: CallOutcome[] = [];
    try {
      for (const r of requests) {
        if (budget.remainingMs() === 0) break;
        const o = await this.answerTo(r, budget);
        outcomes.push(o);
        if (!this.alive) break;
      }
    } finally {
      this.queued.clear();
      this.held.clear();
    }
    return outcomes;
  }

  /** Waits for the answer to a request already written, within the call's time limits and what is left of the hang budget. */
  private answerTo(request: CostRequest & { id: number }, budget: HangBudget): Promise<CallOutcome> {
    this.queued.delete(request.id);
    const early = this.held.get(request.id);
    if (early) {
      this.calls++;
      return Promise.resolve(this.outcome(early, request));
    }
    if (!this.alive) {
      const outcome = this.outcome({ exited: this.endedHow }, request);
      return this.dispose().then(() => outcome);
    }
    return this.awaitAnswer(request, budget, this.limitsOfCall(budget));
  }

  /**
   * This call's limits. A process gets its start-up allowance on top of its first call's
   * limit: the interpreter loads (numpy, Octave) only when it is first asked.
   */
  private limitsOfCall(budget: HangBudget): CallLimits {
    const first = this.calls++ === 0 && this.spec.channel === "stdio";
    const limitMs = this.spec.callTimeoutMs + (first ? this.spec.startTimeoutMs : 0);
    const wallMs = Math.min(limitMs, Math.round(budget.remainingMs()));
    const why =
      wallMs < limitMs
        ? " (what was left of the time a submission may spend in calls that get no answer)"
        : first
          ? ` (${this.spec.startTimeoutMs} ms of it for starting up)`
          : "";
    const cpuMs = this.spec.cpuTimeoutMs + (first ? this.spec.startTimeoutMs : 0);
    return { wallMs, starvedMs: Math.min(starvedWallMs(wallMs), budget.remainingMs()), why, cpuMs };
  }

  private awaitAnswer(request: CostRequest & { id: number }, budget: HangBudget, limits: CallLimits): Promise<CallOutcome> {
    const { wallMs, starvedMs, why, cpuMs } = limits;
    const cgroup = this.launch.cgroup;
    const cpuAtStart = cgroup?.cpuMs();
    return new Promise((resolve) => {
      const finish = (outcome: CallOutcome | Promise<CallOutcome>) => {
        clearTimeout(timer);
        clearInterval(cpuWatch);
        this.waiting = undefined;
        void Promise.resolve(outcome).then(resolve);
      };
      const stop = async (message: string): Promise<CallOutcome> => {
        budget.spend(performance.now() - started);
        const memory = this.memoryExceeded();
        await this.dispose();
        return memory ? this.memoryOutcome() : { kind: "timeout", message: `${message}${this.tail()}` };
      };
      const started = performance.now();
      // At the wall-clock limit, a child that still wants a CPU was starved by a busy machine, not
      // hung: it gets more wall time (the CPU watch below stops one that spins), up to a cap. A
      // child asleep (a real hang, a blocked read) is stopped. So a grade does not depend on the load.
      const expire = () => {
        if (cgroup?.wantsCpu() && performance.now() - started < starvedMs) timer = setTimeout(expire, cpuPollMs);
        else finish(stop(`no answer within ${wallMs} ms${why}`));
      };
      let timer = setTimeout(expire, wallMs);
      const cpuWatch = setInterval(() => {
        const now = cgroup?.cpuMs();
        if (cpuAtStart === undefined || now === undefined) return;
        if (now - cpuAtStart > cpuMs) finish(stop(`used more than ${cpuMs} ms of CPU time on one call`));
      }, cpuPollMs);
      this.waiting = (m) => {
        if (!("exited" in m) && m.id !== request.id) return; // a stale or unrelated line
        if (!("exited" in m)) return finish(this.outcome(m, request));
        // Judge the exit before the cgroup that knows about an OOM kill is removed.
        const outcome = this.outcome(m, request);
        finish(this.dispose().then(() => outcome));
      };
    });
  }

  private memoryOutcome(): CallOutcome {
    return {
      kind: "memory-limit",
      message: `memory limit: the submission used more than ${this.spec.memoryMB} MB (heap, buffers, WebAssembly memory and /dev/shm together) and was stopped`,
    };
  }

  private outcome(m: Message | { exited: string }, request: CostRequest): CallOutcome {
    if ("exited" in m) {
      if (this.memoryExceeded()) return this.memoryOutcome();
      return { kind: "crashed", message: `the process ${m.exited} during the call${this.tail()}` };
    }
    // Refused before anything formats it: String() or JSON.stringify of it would overflow the stack.
    if (nestsDeeperThan(m))
      return {
        kind: "bad-return",
        message: `the answer nests arrays or objects deeper than ${maxAnswerDepth} levels (the limit); none of it was read`,
      };
    const mutated = Array.isArray(m.mutated) ? m.mutated.slice(0, 20).map((x) => clipText(String(x), 200)) : [];
    if (this.spec.channel === "harness" && m.type !== "result") {
      const message = clipText(String(m.message));
      if (m.type === "threw" && /Array buffer allocation failed|could not allocate memory|out of memory/i.test(message))
        return this.memoryOutcome();
      return { kind: m.type === "threw" ? "threw" : "bad-return", message, mutated };
    }
    if (this.spec.channel !== "harness" && typeof m.error === "string") return { kind: "threw", message: clipText(m.error) };
    const J = toNumber(m.J);
    if (J === undefined) return { kind: "bad-return", message: `J is ${m.J === undefined ? "missing" : describe(m.J)}, expected a number` };
    const grad = gradientOfAnswer(m.grad, request.params);
    if (!grad.ok) return { kind: grad.kind, message: grad.message, mutated };
    return { kind: "result", J, grad: grad.grad, mutated };
  }
}

const requestFields: ReadonlySet<string> = new Set(["id", "params", "layerSizes", "X", "y", "lambda"]);

/**
 * Request lines for a batch: requests that share the case (the same rows, labels, sizes and λ,
 * as the points of one finite difference do) share its JSON text, so only params is written
 * out for each. The line parses to the same request as JSON.stringify's.
 */
function requestLines(): (r: CostRequest & { id: number }) => string {
  let shared: { readonly of: CostRequest; readonly text: string } | undefined;
  return (r) => {
    if (!Object.keys(r).every((k) => requestFields.has(k))) return JSON.stringify(r) + "\n";
    const same =
      shared && r.X === shared.of.X && r.y === shared.of.y && r.layerSizes === shared.of.layerSizes && r.lambda === shared.of.lambda;
    if (!same) shared = { of: r, text: JSON.stringify({ layerSizes: r.layerSizes, X: r.X, y: r.y, lambda: r.lambda }).slice(1) };
    return `{"id":${JSON.stringify(r.id)},"params":${JSON.stringify(r.params)},${shared!.text}\n`;
  };
}

/**
 * A request as an adapter reads it: its length in bytes as 11 digits and a newline, then the
 * line. The adapter reads the header and then exactly the request, two reads in all.
 */
export function frameRequest(line: string): string {
  return `${String(Buffer.byteLength(line)).padStart(11, "0")}\n${line}`;
}

const describe = (v: unknown) => preview(v);

/** The child started under its launch's command line, with its answer channel and the seccomp filter's descriptor. */
function spawned(launch: Launch, harness: boolean): ChildProcess | LoadFailure {
  const extra = launch.filterFd === undefined ? [] : [launch.filterFd];
  try {
    return spawn(launch.argv[0], launch.argv.slice(1), {
      cwd: launch.cwd,
      env: launch.env,
      stdio: harness ? ["ignore", "pipe", "pipe", "pipe", ...extra] : ["pipe", "pipe", "pipe", "ignore", ...extra],
    });
  } catch (e) {
    launch.cgroup?.remove();
    return { ok: false, problem: "sandbox-failed", message: `could not start the sandbox: ${(e as Error).message}` };
  } finally {
    if (launch.filterFd !== undefined) closeSync(launch.filterFd);
  }
}
