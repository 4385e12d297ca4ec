import type { AnswerFindingKind, FindingInfo } from "./FindingKind.ts";

/**
 * What judging a submission's answers can find, kind by kind (the table's part for src/judge).
 * A kind the function checker finds too has its words for a plain function of x beside.
 */
export const answerInfo: Readonly<Record<AnswerFindingKind, FindingInfo>> = {
  "never-answered": {
    group: "load",
    fails: true,
    title: "Never answered",
    explanation:
      "The submission produced no answer to the first request, a small fixed case: no output at all, or none before the time limit. A single example is asked once more before concluding; nothing else was tried. A program that reads stdin with a line reader that waits for more than one line (or for the end of input) never sees the request.",
    hint: "Write one JSON line per request and flush it (Python: print(..., flush=True)); run it by hand on one request line to see what it does.",
    status: "the submission's process ended before answering its first request",
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
};
