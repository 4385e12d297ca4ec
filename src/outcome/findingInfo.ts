import type { FindingKind, SubmissionStatus } from "./FindingKind.ts";

export interface Words {
  readonly title: string;
  readonly explanation: string;
  /** what to do */
  readonly hint: string;
}

/**
 * "load": the submission never ran; "interface": it ran but the call or its answer has the
 * wrong shape; "answer": a wrong value on some input; "warning": reported, not failed;
 * "status": how far grading a student got, when no finding above says it.
 */
export type FindingGroup = "load" | "interface" | "answer" | "warning" | "status";

export interface FindingInfo extends Words {
  readonly group: FindingGroup;
  /** whether this finding fails the check (or, for a status, leaves the student ungraded) */
  readonly fails: boolean;
  /** a wrong value, the kind a catalogued mistake can explain */
  readonly wrongValue?: true;
  /** the words for a plain function of x, where a kind both checks find reads otherwise for a submission */
  readonly forFunction?: Words;
  /** the line a class's grade gives a student who stopped here (the kinds that are a status) */
  readonly status?: string;
}

/** The one table every output reads: terminal, Markdown, HTML, JSON, JUnit, Gradescope and the docs. */
export const findingInfo: Readonly<Record<FindingKind, FindingInfo>> = {
  // a submission: it could not be loaded, its call has the wrong shape, or its answers are wrong
  "not-found": {
    group: "load",
    fails: true,
    title: "Submission not found",
    explanation: "The path given to check does not exist.",
    hint: "Pass the submission's folder (or its entry file).",
  },
  "no-entry-file": {
    group: "load",
    fails: true,
    title: "No entry file",
    explanation: "The folder has neither gradcheck.json nor nnCostFunction.js/.mjs/.cjs/.ts.",
    hint: 'Name the module nnCostFunction.js (or .mjs, .cjs, .ts), or add gradcheck.json with {"command": [...]}.',
    status: "no gradcheck.json and no nnCostFunction.js/.mjs/.cjs/.ts in the folder",
  },
  "bad-config": {
    group: "load",
    fails: true,
    title: "Unreadable gradcheck.json",
    explanation: 'gradcheck.json must be JSON of the form {"command": ["program", "arg", ...]}.',
    hint: 'For example {"command": ["python3", "nn.py"]}.',
  },
  "no-export": {
    group: "load",
    fails: true,
    title: "No exported nnCostFunction",
    explanation: "The module loaded but exports no function named nnCostFunction, and its default export is not one either.",
    hint: "export function nnCostFunction(...) (ESM), module.exports = { nnCostFunction } (CommonJS) or export default; in Python, def nnCostFunction(...) with one of the signatures the message names.",
  },
  "syntax-error": {
    group: "load",
    fails: true,
    title: "Syntax error",
    explanation: "The submission's code could not be parsed or compiled, so none of it ran.",
    hint: "Run it once in its own language (node or tsc, octave, python3) to see the error in context.",
  },
  "import-failed": {
    group: "load",
    fails: true,
    title: "Module failed while loading",
    explanation: "Evaluating the module threw before nnCostFunction could be called, for example on an import it may not read.",
    hint: "A submission may import only node built-ins and files inside its own folder.",
  },
  "command-not-found": {
    group: "load",
    fails: true,
    title: "Command not found",
    explanation: "The program named in gradcheck.json does not exist where the sandbox looks for it.",
    hint: "Use an interpreter installed on the system (python3, node, …) or a path inside the submission folder.",
  },
  "crashed-on-load": {
    group: "load",
    fails: true,
    title: "Crashed while loading",
    explanation: "The submission's process ended before it was ready to answer.",
    hint: "Look at its stderr, shown with the message.",
  },
  "startup-timeout": {
    group: "load",
    fails: true,
    title: "Too slow to load",
    explanation: "The module did not finish loading in time.",
    hint: "Avoid work at import time.",
  },
  "never-answered": {
    group: "load",
    fails: true,
    title: "Never answered",
    explanation:
      "The submission produced no answer to the first request, a small fixed case: no output at all, or none before the time limit. A single example is asked once more before concluding; nothing else was tried. A program that reads stdin with a line reader that waits for more than one line (or for the end of input) never sees the request.",
    hint: "Write one JSON line per request and flush it (Python: print(..., flush=True)); run it by hand on one request line to see what it does.",
    status: "the submission's process ended before answering its first request",
  },
  "too-large": {
    group: "load",
    fails: true,
    title: "Submission folder too large",
    explanation: "The folder holds more bytes (apparent sizes), files or folder levels than the private copy allows.",
    hint: "Submit only the source files; the message names the limit that was hit.",
  },
  "refused-folder": {
    group: "load",
    fails: true,
    title: "Submission folder refused",
    explanation:
      "The submission is not a folder of its own (a symbolic link to one), or an entry changed while its private copy was made; nothing of it was kept or run.",
    hint: "Submit a plain folder and leave it alone while it is checked; the message names the entry and the rule.",
    status:
      "the folder was refused before anything of it was read beyond a limit: a symbolic link instead of a folder, a FIFO, socket, device or hard-linked file in it, too many bytes (apparent sizes), files or levels, or an entry changed while it was copied; the reason names the file and the rule",
  },
  "no-sandbox": {
    group: "load",
    fails: true,
    title: "No sandbox for untrusted code",
    explanation: "The sandbox (bubblewrap with a seccomp filter) cannot be set up on this machine, so the submission was not run.",
    hint: "apt-get install bubblewrap (Linux); to check your own code without the sandbox, pass --unsafe-no-sandbox.",
  },
  "sandbox-failed": {
    group: "load",
    fails: true,
    title: "The checker could not run the submission",
    explanation:
      "gradcheck's own machinery failed (staging copy, TypeScript compiler, starting the sandbox); nothing is known about the submission.",
    hint: "The message says what failed; try again, or report it.",
  },
  "bad-return": {
    group: "interface",
    fails: true,
    title: "Wrong return value",
    explanation: "nnCostFunction must return { J: number, grad: array of numbers } (or a Promise of it).",
    hint: "Return an object with a numeric J and an array-like grad of params.length numbers.",
  },
  "wrong-gradient-length": {
    group: "interface",
    fails: true,
    title: "Gradient of the wrong length",
    explanation: "grad must have one entry per parameter: params.length, the unrolled Θ⁽¹⁾, Θ⁽²⁾, … with their bias columns.",
    hint: "Unroll every D⁽ˡ⁾ row-major, bias column first, end to end.",
    forFunction: {
      title: "The gradient has the wrong length",
      explanation: "The gradient must have one entry per coordinate of x; entries are not compared until it does.",
      hint: "Return one number per coordinate of x, in x's order.",
    },
  },
  "wrong-gradient-shape": {
    group: "interface",
    fails: true,
    title: "Gradient of the wrong shape",
    explanation:
      "With the wb layout, grad must have the shape of params: one {W, b} per layer, W in × out (the shape of the W received) and b one entry per unit of the next layer.",
    hint: "Return dW with the shape of W (not its transpose) and db with the length of b, for every layer, in the order of params.",
  },
  threw: {
    group: "answer",
    fails: true,
    title: "Threw an error",
    explanation: "nnCostFunction threw (or its process reported an error) on a valid input.",
    hint: "Replay the counterexample below; check K = 1, single units and m = 1.",
    forFunction: {
      title: "The function threw",
      explanation: "Computing the gradient or the cost raised an exception.",
      hint: "Run the function on the same input to see the stack trace.",
    },
  },
  timeout: {
    group: "answer",
    fails: true,
    title: "Timed out",
    explanation: "No answer arrived within the per-call time limit.",
    hint: "Look for a loop whose bound depends on the input (m, K, layer sizes).",
  },
  crashed: {
    group: "answer",
    fails: true,
    title: "Crashed during a call",
    explanation: "The process ended (exit, uncaught error, memory limit) while answering.",
    hint: "Do not call process.exit or sys.exit; look at the stderr shown.",
  },
  "memory-limit": {
    group: "answer",
    fails: true,
    title: "Memory limit",
    explanation:
      "The submission used more memory than allowed (heap, off-heap buffers, WebAssembly memory and files in /dev/shm count together) and was stopped.",
    hint: "A network of this size needs a few MB; look for arrays that grow on every call or are sized by something other than m, K and the layer sizes.",
  },
  "too-slow": {
    group: "answer",
    fails: true,
    title: "Too slow",
    explanation: "The check's deadline ran out before the requested number of networks were checked: no pass without evidence.",
    hint: "Make one call take well under the per-call limit, or raise --deadline.",
  },
  "non-finite": {
    group: "answer",
    fails: true,
    title: "NaN or infinite result",
    explanation: "J or an entry of grad is NaN or ±∞ where the exact value is finite.",
    hint: "Compute log(h) and log(1 − h) stably: softplus(z) − y·z, or clamp away from 0 and 1.",
    forFunction: {
      title: "The gradient has NaN or infinite entries",
      explanation: "The analytic gradient returned values that are not finite numbers.",
      hint: "Look for log(0), 0/0, √0's derivative or an overflowing exp in the derivative.",
    },
  },
  "unstable-cost": {
    group: "answer",
    fails: true,
    title: "Cost unstable where outputs saturate",
    explanation:
      "The gradient is right wherever it is finite, but J (or ∂J/∂Θ, through the course formula dAL = −(y/h − (1 − y)/(1 − h))) is infinite, NaN, or off by rounding error only where an output h rounds to (or near) 0 or 1: log(1 − h) computed naively. The exact cost is finite on every network.",
    hint: "Compute −[y log h + (1 − y) log(1 − h)] as softplus(z) − y·z; --allow-unstable-cost accepts it as a warning.",
  },
  "cost-mismatch": {
    group: "answer",
    fails: true,
    title: "Cost J differs from gradcheck's",
    explanation: "J disagrees with the regularised cross-entropy cost computed by gradcheck's own backpropagation (check a).",
    hint: "Check the regulariser (λ/2m, bias column excluded) and the one-hot targets.",
    wrongValue: true,
  },
  "gradient-mismatch": {
    group: "answer",
    fails: true,
    title: "Gradient differs from gradcheck's",
    explanation: "∂J/∂Θ disagrees with gradcheck's own backpropagation (check a).",
    hint: "The entry named below is the largest disagreement; the diagnosis says which known mistake fits.",
    forFunction: {
      title: "Gradient entries differ from finite differences",
      explanation: "These entries of the analytic gradient lie outside the tolerance around the finite-difference estimate.",
      hint: "Compare the worst entries' actual and expected values: a sign flip, a factor such as 2 or ½, or zeros where a term is missing each show in the ratio actual/expected.",
    },
    wrongValue: true,
  },
  "self-inconsistent": {
    group: "answer",
    fails: true,
    title: "Gradient disagrees with its own cost",
    explanation:
      "The returned grad is not the derivative of the returned J: a directional finite difference of the submission's own J along a random direction disagrees with grad·v (check b).",
    hint: "The backward pass does not match the forward pass: see the diagnosis.",
    wrongValue: true,
  },
  "not-reproducible": {
    group: "answer",
    fails: true,
    title: "Different answers to the same input",
    explanation:
      "The same input, asked again as an optimiser asks it (the same Θ twice, or Θ, another Θ′, then Θ again), got a different answer: the answer depends on something besides the inputs, such as state kept between calls or weights drawn inside the cost. fmincg and fminunc would train on the wrong gradient.",
    hint: "Look for a module-level (JS), global or persistent (Octave/MATLAB), or class-level (Python) variable, above all an accumulator Δ that is not reset to zeros at the start of every call; make nnCostFunction a pure function of params, layerSizes, X, y and lambda.",
    forFunction: {
      title: "Two identical calls gave different answers",
      explanation: "The function was called twice on the same x and its answers differ by more than nondeterminismTolerance.",
      hint: "Seed any randomness (dropout, sampling) or fix the order of parallel sums; if the difference is expected, state it with nondeterminismTolerance.",
    },
  },
  "mutated-input": {
    group: "warning",
    fails: false,
    title: "Inputs were modified",
    explanation:
      "nnCostFunction changed the arrays it was given. gradcheck passes fresh copies, but an optimiser calling it would see its parameters change.",
    hint: "Copy before modifying: params.slice(), X.map(r => r.slice()).",
  },
  // a plain function's gradient against finite differences (the kinds above that it shares speak of f there)
  "not-differentiable": {
    group: "warning",
    fails: false,
    title: "Not differentiable here",
    explanation:
      "Perturbing these entries crosses a kink of the function (e.g. relu at 0, |x| at 0), so no derivative exists to compare against.",
    hint: "Set aside, not judged. Move the point (another x or seed) to check these entries.",
  },
  "too-noisy": {
    group: "warning",
    fails: false,
    title: "Too noisy to decide",
    explanation:
      "The finite-difference error of these entries is larger than the cap allows relative to |n|: the analytic value is neither clearly right nor clearly wrong.",
    hint: 'Set aside, not judged. Pass the function\'s precision (precision: "float32"), or evaluate f more accurately.',
  },
  "too-few-compared": {
    group: "answer",
    fails: true,
    title: "Too few entries compared to decide",
    explanation: "The check set aside more than its stated share of the entries (or compared none), so a pass would say nothing.",
    hint: 'If f is noisier than float64 (computed in float32, or summed with cancellation), pass precision: "float32" or raise the step (eps); if it sits on kinks, move x. maxSetAside raises the share a check may set aside.',
  },
  "non-finite-numerical": {
    group: "answer",
    fails: true,
    title: "The cost is not finite near the point",
    explanation: "Finite differences of f gave NaN or infinity for these entries; they could not be checked.",
    hint: "f overflows or is undefined near this point: evaluate it stably (log1p, logsumexp, a shifted exp).",
  },
  "non-finite-value": {
    group: "answer",
    fails: true,
    title: "f is not finite at the point",
    explanation: "f(x) itself is NaN or infinite, so there is no slope to compare with.",
    hint: "Check the point x and the function's domain (log of 0 or of a negative, 0/0, an overflowing exp).",
  },
  "bad-point": {
    group: "interface",
    fails: true,
    title: "x is not a point of finite numbers",
    explanation: "A gradient is checked at a point x: an array (or matrix) of finite numbers.",
    hint: "Pass x as an array or Float64Array of finite numbers (a NaN or an Infinity in x usually comes from an earlier step that overflowed).",
  },
  "wrong-shape": {
    group: "interface",
    fails: true,
    title: "The Jacobian has the wrong shape",
    explanation:
      "A Jacobian of f: ℝⁿ → ℝᵐ has m rows (one per output) of n columns (one per input); entries are not compared until it does.",
    hint: "Row k holds the gradient of output k; a Jacobian of shape n×m is usually its transpose.",
  },
  "not-a-gradient": {
    group: "interface",
    fails: true,
    title: "The gradient is not an array of numbers",
    explanation: "The value returned for the gradient is not array-like.",
    hint: "Return an array or Float64Array with one number per coordinate of x.",
  },
  "not-scalar": {
    group: "interface",
    fails: true,
    title: "f returned an array, not a number",
    explanation: "A gradient check needs f: ℝⁿ → ℝ; this f is vector-valued, so it has a Jacobian, not a gradient.",
    hint: "Check it with checkJacobian (given the Jacobian), checkVjp (given a vector–Jacobian product) or checkJvp (given a Jacobian–vector product).",
  },
  // a student in a class's grade, when no finding above names the status
  graded: {
    group: "status",
    fails: false,
    title: "Graded",
    explanation: "The submission ran; each test was scored on its own.",
    hint: "Each failed test's message says what it found.",
    status: "the submission ran; each test scored on its own",
  },
  "cannot-load": {
    group: "status",
    fails: true,
    title: "Could not be loaded",
    explanation: "The entry exists but could not be started.",
    hint: "The reason names the load problem; `gradcheck check` on the folder shows it with its hint.",
    status:
      "the entry exists but could not be started: a syntax error, no exported nnCostFunction, a failing import, an unreadable gradcheck.json, a missing command, or too slow to load",
  },
  "refused-archive": {
    group: "status",
    fails: true,
    title: "Zip refused",
    explanation: "The zip was refused before anything of it was unpacked to run.",
    hint: "Submit a plain zip of the source files; the reason names the rule that was broken.",
    status:
      "the zip was refused before anything was unpacked to run (a path escaping the folder, a symbolic link, too many files, too many bytes, or not a zip)",
  },
  "duplicate-id": {
    group: "status",
    fails: true,
    title: "Two submissions with one id",
    explanation: "A folder and a zip have the same name, so neither is graded.",
    hint: "Remove one of the two and grade again.",
    status: "a folder and a zip have the same name; neither is graded until one is removed",
  },
  unreadable: {
    group: "status",
    fails: true,
    title: "Unreadable submission",
    explanation: "The submission's files could not be read.",
    hint: "The reason says which read failed.",
    status: "the submission's files could not be read",
  },
  "internal-error": {
    group: "status",
    fails: true,
    title: "gradcheck failed on this student",
    explanation: "gradcheck itself failed while grading this student; the rest of the class was graded.",
    hint: "The reason says how; grade again with --resume, or report it.",
    status: "gradcheck itself failed while grading this student (the reason says how); the rest of the class was graded",
  },
};

/** The line a class's grade gives for a status. */
export const statusLine = (status: SubmissionStatus): string => findingInfo[status].status!;

/** The problems that are wrong values, and so can be matched against the catalogue. */
export const wrongValue: ReadonlySet<FindingKind> = new Set(
  (Object.keys(findingInfo) as FindingKind[]).filter((k) => findingInfo[k].wrongValue),
);

/** A kind in the words of a plain function of x (src/check's reports). */
export function functionWords(kind: FindingKind): FindingInfo {
  const info = findingInfo[kind];
  return info.forFunction ? { ...info, ...info.forFunction } : info;
}
