import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import type { CallOutcome, CostRequest, Implementation } from "./Implementation.ts";
import type { LoadFailure } from "./loadProblem.ts";

/** How to start the child and which channel carries its answers. */
export interface ChildSpec {
  readonly description: string;
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  /**
   * "harness": gradcheck's own harness answers on fd 3, tagged with a per-child key.
   * "stdio": the program itself speaks JSON lines on stdin/stdout (a process submission, docs/check.md).
   */
  readonly channel: "harness" | "stdio";
  readonly warnings: readonly string[];
  readonly callTimeoutMs: number;
  readonly startTimeoutMs: number;
}

type Message = Record<string, unknown>;

const tailBytes = 4096;
/** Grace for a process's first answer: an interpreter in a sandbox can take a few seconds to start on a loaded machine. */
const interpreterStartMs = 3000;

/**
 * A submission behind a child process. A crash, a hang, process.exit or an early exit ends
 * only the child: the pending call becomes an outcome, and the next call starts a fresh child.
 */
export async function startChild(spec: ChildSpec): Promise<Implementation | LoadFailure> {
  const first = await Session.start(spec);
  if ("problem" in first) return first;
  let session: Session | undefined = first;
  let nextId = 1;
  let answered = false;
  return {
    description: spec.description,
    warnings: spec.warnings,
    async call(request: CostRequest): Promise<CallOutcome> {
      if (!session || !session.alive) {
        const s = await Session.start(spec);
        if ("problem" in s) return { kind: "crashed", message: `could not restart after the previous failure: ${s.message}` };
        session = s;
      }
      // A process has no ready signal: its first call also pays for starting the interpreter.
      const limit = spec.channel === "stdio" && !answered ? spec.callTimeoutMs + interpreterStartMs : spec.callTimeoutMs;
      const outcome = await session.call({ id: nextId++, ...request }, limit);
      if (outcome.kind === "crashed" && !answered && spec.channel === "stdio") {
        return { ...outcome, message: outcome.message.replace("during the call", "before answering its first request"), neverAnswered: true };
      }
      if (outcome.kind !== "crashed" && outcome.kind !== "timeout") answered = true;
      return outcome;
    },
    async close() {
      session?.kill();
      session = undefined;
    },
  };
}

class Session {
  alive = true;
  private waiting: ((m: Message | { exited: string }) => void) | undefined;
  private out = "";
  private err = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly spec: ChildSpec,
    private readonly requests: Writable,
    private readonly key: string,
  ) {}

  static start(spec: ChildSpec): Promise<Session | LoadFailure> {
    const harness = spec.channel === "harness";
    const key = randomBytes(16).toString("hex");
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      cwd: spec.cwd,
      env: harness ? { ...spec.env, GRADCHECK_HARNESS_KEY: key } : spec.env,
      stdio: harness ? ["ignore", "pipe", "pipe", "pipe"] : ["pipe", "pipe", "pipe"],
      detached: false,
    });
    const answers = (harness ? child.stdio[3] : child.stdout) as Readable;
    const requests = (harness ? child.stdio[3] : child.stdin) as Writable;
    const s = new Session(child, spec, requests, key);
    requests.on("error", () => {});
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
      if (pending.length > 64 * 1024 * 1024) s.kill();
    });
    child.on("error", (e) => s.exited(`could not start: ${e.message}`));
    child.on("exit", (code, signal) => s.exited(signal ? `killed by ${signal}` : `exited with code ${code}`));

    if (!harness) return Promise.resolve(s);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        s.kill();
        resolve({ ok: false, problem: "startup-timeout", message: `the module did not finish loading within ${spec.startTimeoutMs} ms` });
      }, spec.startTimeoutMs);
      s.waiting = (m) => {
        clearTimeout(timer);
        s.waiting = undefined;
        if ("exited" in m) {
          resolve({ ok: false, problem: "crashed-on-load", message: `the process ${m.exited} while loading${s.tail()}` });
        } else if (m.type === "load-error") {
          s.kill();
          resolve({ ok: false, problem: m.kind as LoadFailure["problem"], message: String(m.message) });
        } else resolve(s);
      };
    });
  }

  /** stderr (and stdout noise) of the child, for messages. */
  tail(): string {
    // Native stack frames ("  3: 0x… v8::…") say nothing to the author of a submission.
    const err = this.err.trim().split("\n").filter((l) => l.trim() && !/^\s*\d+: 0x|^<---|^\s*\[\d+:0x/.test(l)).slice(-6).join("\n        ");
    const parts = [err && `stderr: ${err}`, this.out.trim() && `stdout: ${this.out.trim().slice(-300)}`].filter(Boolean);
    return parts.length ? `\n${parts.join("\n")}` : "";
  }

  private receive(line: string): void {
    let m: Message;
    try {
      // Python's json.dumps writes NaN and Infinity bare; read them as the numbers they mean.
      m = JSON.parse(quoteBareNonFinite(line));
    } catch {
      if (this.spec.channel === "stdio") this.out = (this.out + line + "\n").slice(-tailBytes);
      return;
    }
    if (typeof m !== "object" || m === null) return;
    // Only the harness knows the key: anything else on the channel is forged and ignored.
    if (this.spec.channel === "harness" && m.key !== this.key) return;
    this.waiting?.(m);
  }

  private exited(how: string): void {
    if (!this.alive) return;
    this.alive = false;
    this.waiting?.({ exited: how });
  }

  kill(): void {
    this.alive = false;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }

  call(request: CostRequest & { id: number }, timeoutMs: number): Promise<CallOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.kill();
        resolve({ kind: "timeout", message: `no answer within ${timeoutMs} ms${this.tail()}` });
      }, timeoutMs);
      this.waiting = (m) => {
        if (!("exited" in m) && m.id !== request.id) return; // a stale or unrelated line
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(this.outcome(m, request));
      };
      this.requests.write(JSON.stringify(request) + "\n");
    });
  }

  private outcome(m: Message | { exited: string }, request: CostRequest): CallOutcome {
    if ("exited" in m) return { kind: "crashed", message: `the process ${m.exited} during the call${this.tail()}` };
    const mutated = Array.isArray(m.mutated) ? (m.mutated as string[]) : [];
    if (this.spec.channel === "harness" && m.type !== "result") {
      return { kind: m.type === "threw" ? "threw" : "bad-return", message: String(m.message), mutated };
    }
    if (this.spec.channel === "stdio" && typeof m.error === "string") return { kind: "threw", message: m.error };
    const J = toNumber(m.J);
    if (J === undefined) return { kind: "bad-return", message: `J is ${m.J === undefined ? "missing" : JSON.stringify(m.J)}, expected a number` };
    // A one-parameter network's gradient may come back as a bare number (Octave's jsonencode of a 1×1).
    if (request.params.length === 1 && !Array.isArray(m.grad) && toNumber(m.grad) !== undefined) m = { ...m, grad: [m.grad] };
    if (!Array.isArray(m.grad)) return { kind: "bad-return", message: `grad is ${m.grad === undefined ? "missing" : JSON.stringify(m.grad).slice(0, 60)}, expected an array of ${request.params.length} numbers` };
    const grad = new Float64Array(m.grad.length);
    for (let i = 0; i < grad.length; i++) {
      const g = toNumber(m.grad[i]);
      if (g === undefined) {
        const what = Array.isArray(m.grad[i]) ? "an array: grad must be unrolled into one flat list of params.length numbers" : `${JSON.stringify(m.grad[i])}, expected a number`;
        return { kind: "bad-return", message: `grad[${i}] is ${what}` };
      }
      grad[i] = g;
    }
    return { kind: "result", J, grad, mutated };
  }
}

/**
 * A number on the wire: a JSON number, or a non-finite value as the bare tokens NaN, Infinity,
 * -Infinity (Python), the same as strings, or null (what JSON.stringify and Octave's jsonencode
 * write for NaN and ±Inf; read as NaN, so it is judged as a non-finite answer, never a shape error).
 */
function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (v === null) return NaN;
  if (v === "NaN" || v === "Infinity" || v === "-Infinity") return Number(v);
  return undefined;
}

/**
 * Quotes the bare tokens NaN, Infinity and -Infinity outside JSON strings, so that JSON.parse
 * accepts a line Python's json.dumps wrote; text inside strings is left alone.
 */
export function quoteBareNonFinite(line: string): string {
  let out = "", inString = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (inString) {
      out += ch;
      if (ch === "\\") out += line[++k] ?? "";
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const token = /^(-?Infinity|NaN)/.exec(line.slice(k, k + 9))?.[0];
    if (token && !/[\w.]/.test(line[k - 1] ?? "") && !/\w/.test(line[k + token.length] ?? "")) {
      out += `"${token}"`;
      k += token.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
