import type { LoadProblem } from "../sandbox/loadProblem.ts";

/** Everything `check` can find wrong, as one closed union. */
export type CheckProblem =
  | LoadProblem
  | "never-answered"
  | "bad-return"
  | "wrong-gradient-length"
  | "wrong-gradient-shape"
  | "threw"
  | "timeout"
  | "crashed"
  | "memory-limit"
  | "too-slow"
  | "non-finite"
  | "unstable-cost"
  | "cost-mismatch"
  | "gradient-mismatch"
  | "self-inconsistent"
  | "not-reproducible"
  | "mutated-input";

export interface ProblemInfo {
  readonly title: string;
  readonly explanation: string;
  readonly hint: string;
  /**
   * "load": the submission never ran; "interface": it ran but the call or its answer has the
   * wrong shape; "answer": a wrong value on some input; "warning": reported, not failed.
   */
  readonly kind: "load" | "interface" | "answer" | "warning";
}

/** The one table the CLI, the reports and docs/check.md read. */
export const problemInfo: Readonly<Record<CheckProblem, ProblemInfo>> = {
  "not-found": {
    kind: "load",
    title: "Submission not found",
    explanation: "The path given to check does not exist.",
    hint: "Pass the submission's folder (or its entry file).",
  },
  "no-entry": {
    kind: "load",
    title: "No entry file",
    explanation: "The folder has neither gradcheck.json nor nnCostFunction.js/.mjs/.cjs/.ts.",
    hint: 'Name the module nnCostFunction.js (or .mjs, .cjs, .ts), or add gradcheck.json with {"command": [...]}.',
  },
  "bad-config": {
    kind: "load",
    title: "Unreadable gradcheck.json",
    explanation: 'gradcheck.json must be JSON of the form {"command": ["program", "arg", ...]}.',
    hint: 'For example {"command": ["python3", "nn.py"]}.',
  },
  "no-export": {
    kind: "load",
    title: "No exported nnCostFunction",
    explanation: "The module loaded but exports no function named nnCostFunction, and its default export is not one either.",
    hint: "export function nnCostFunction(...) (ESM), module.exports = { nnCostFunction } (CommonJS) or export default; in Python, def nnCostFunction(...) with one of the signatures the message names.",
  },
  "syntax-error": {
    kind: "load",
    title: "Syntax error",
    explanation: "The submission's code could not be parsed or compiled, so none of it ran.",
    hint: "Run it once in its own language (node or tsc, octave, python3) to see the error in context.",
  },
  "import-failed": {
    kind: "load",
    title: "Module failed while loading",
    explanation: "Evaluating the module threw before nnCostFunction could be called, for example on an import it may not read.",
    hint: "A submission may import only node built-ins and files inside its own folder.",
  },
  "command-not-found": {
    kind: "load",
    title: "Command not found",
    explanation: "The program named in gradcheck.json does not exist where the sandbox looks for it.",
    hint: "Use an interpreter installed on the system (python3, node, …) or a path inside the submission folder.",
  },
  "crashed-on-load": {
    kind: "load",
    title: "Crashed while loading",
    explanation: "The submission's process ended before it was ready to answer.",
    hint: "Look at its stderr, shown with the message.",
  },
  "startup-timeout": {
    kind: "load",
    title: "Too slow to load",
    explanation: "The module did not finish loading in time.",
    hint: "Avoid work at import time.",
  },
  "never-answered": {
    kind: "load",
    title: "Never answered",
    explanation:
      "The submission produced no answer to the first request, a small fixed case: no output at all, or none before the time limit. A single example is asked once more before concluding; nothing else was tried. A program that reads stdin with a line reader that waits for more than one line (or for the end of input) never sees the request.",
    hint: "Write one JSON line per request and flush it (Python: print(..., flush=True)); run it by hand on one request line to see what it does.",
  },
  "too-large": {
    kind: "load",
    title: "Submission folder too large",
    explanation: "The folder holds more bytes (apparent sizes), files or folder levels than the private copy allows.",
    hint: "Submit only the source files; the message names the limit that was hit.",
  },
  "refused-folder": {
    kind: "load",
    title: "Submission folder refused",
    explanation:
      "The submission is not a folder of its own (a symbolic link to one), or an entry changed while its private copy was made; nothing of it was kept or run.",
    hint: "Submit a plain folder and leave it alone while it is checked; the message names the entry and the rule.",
  },
  "no-sandbox": {
    kind: "load",
    title: "No sandbox for untrusted code",
    explanation: "The sandbox (bubblewrap with a seccomp filter) cannot be set up on this machine, so the submission was not run.",
    hint: "apt-get install bubblewrap (Linux); to check your own code without the sandbox, pass --unsafe-no-sandbox.",
  },
  "sandbox-failed": {
    kind: "load",
    title: "The checker could not run the submission",
    explanation:
      "gradcheck's own machinery failed (staging copy, TypeScript compiler, starting the sandbox); nothing is known about the submission.",
    hint: "The message says what failed; try again, or report it.",
  },
  "bad-return": {
    kind: "interface",
    title: "Wrong return value",
    explanation: "nnCostFunction must return { J: number, grad: array of numbers } (or a Promise of it).",
    hint: "Return an object with a numeric J and an array-like grad of params.length numbers.",
  },
  "wrong-gradient-length": {
    kind: "interface",
    title: "Gradient of the wrong length",
    explanation: "grad must have one entry per parameter: params.length, the unrolled Θ⁽¹⁾, Θ⁽²⁾, … with their bias columns.",
    hint: "Unroll every D⁽ˡ⁾ row-major, bias column first, end to end.",
  },
  "wrong-gradient-shape": {
    kind: "interface",
    title: "Gradient of the wrong shape",
    explanation:
      "With the wb layout, grad must have the shape of params: one {W, b} per layer, W in × out (the shape of the W received) and b one entry per unit of the next layer.",
    hint: "Return dW with the shape of W (not its transpose) and db with the length of b, for every layer, in the order of params.",
  },
  threw: {
    kind: "answer",
    title: "Threw an error",
    explanation: "nnCostFunction threw (or its process reported an error) on a valid input.",
    hint: "Replay the counterexample below; check K = 1, single units and m = 1.",
  },
  timeout: {
    kind: "answer",
    title: "Timed out",
    explanation: "No answer arrived within the per-call time limit.",
    hint: "Look for a loop whose bound depends on the input (m, K, layer sizes).",
  },
  crashed: {
    kind: "answer",
    title: "Crashed during a call",
    explanation: "The process ended (exit, uncaught error, memory limit) while answering.",
    hint: "Do not call process.exit or sys.exit; look at the stderr shown.",
  },
  "memory-limit": {
    kind: "answer",
    title: "Memory limit",
    explanation:
      "The submission used more memory than allowed (heap, off-heap buffers, WebAssembly memory and files in /dev/shm count together) and was stopped.",
    hint: "A network of this size needs a few MB; look for arrays that grow on every call or are sized by something other than m, K and the layer sizes.",
  },
  "too-slow": {
    kind: "answer",
    title: "Too slow",
    explanation: "The check's deadline ran out before the requested number of networks were checked: no pass without evidence.",
    hint: "Make one call take well under the per-call limit, or raise --deadline.",
  },
  "non-finite": {
    kind: "answer",
    title: "NaN or infinite result",
    explanation: "J or an entry of grad is NaN or ±∞ where the exact value is finite.",
    hint: "Compute log(h) and log(1 − h) stably: softplus(z) − y·z, or clamp away from 0 and 1.",
  },
  "unstable-cost": {
    kind: "answer",
    title: "Cost unstable where outputs saturate",
    explanation:
      "The gradient is right wherever it is finite, but J (or ∂J/∂Θ, through the course formula dAL = −(y/h − (1 − y)/(1 − h))) is infinite, NaN, or off by rounding error only where an output h rounds to (or near) 0 or 1: log(1 − h) computed naively. The exact cost is finite on every network.",
    hint: "Compute −[y log h + (1 − y) log(1 − h)] as softplus(z) − y·z; --allow-unstable-cost accepts it as a warning.",
  },
  "cost-mismatch": {
    kind: "answer",
    title: "Cost J differs from gradcheck's",
    explanation: "J disagrees with the regularised cross-entropy cost computed by gradcheck's own backpropagation (check a).",
    hint: "Check the regulariser (λ/2m, bias column excluded) and the one-hot targets.",
  },
  "gradient-mismatch": {
    kind: "answer",
    title: "Gradient differs from gradcheck's",
    explanation: "∂J/∂Θ disagrees with gradcheck's own backpropagation (check a).",
    hint: "The entry named below is the largest disagreement; the diagnosis says which known mistake fits.",
  },
  "self-inconsistent": {
    kind: "answer",
    title: "Gradient disagrees with its own cost",
    explanation:
      "The returned grad is not the derivative of the returned J: a directional finite difference of the submission's own J along a random direction disagrees with grad·v (check b).",
    hint: "The backward pass does not match the forward pass: see the diagnosis.",
  },
  "not-reproducible": {
    kind: "answer",
    title: "Different answers to the same input",
    explanation:
      "The same input, asked again as an optimiser asks it (the same Θ twice, or Θ, another Θ′, then Θ again), got a different answer: the answer depends on something besides the inputs, such as state kept between calls or weights drawn inside the cost. fmincg and fminunc would train on the wrong gradient.",
    hint: "Look for a module-level (JS), global or persistent (Octave/MATLAB), or class-level (Python) variable, above all an accumulator Δ that is not reset to zeros at the start of every call; make nnCostFunction a pure function of params, layerSizes, X, y and lambda.",
  },
  "mutated-input": {
    kind: "warning",
    title: "Inputs were modified",
    explanation:
      "nnCostFunction changed the arrays it was given. gradcheck passes fresh copies, but an optimiser calling it would see its parameters change.",
    hint: "Copy before modifying: params.slice(), X.map(r => r.slice()).",
  },
};

/** The problems that are wrong values, and so can be matched against the catalogue. */
export const wrongValue: ReadonlySet<CheckProblem> = new Set(["cost-mismatch", "gradient-mismatch", "self-inconsistent"]);
