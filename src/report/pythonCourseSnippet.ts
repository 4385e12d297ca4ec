import type { CaseFile } from "../judge/caseFileOf.ts";

/**
 * A counterexample as a Python script in the course's own conventions, for a submission that
 * gradcheck's Python adapter calls (its description names the kind: "Python nnCostFunction.py",
 * "cs231n two-layer neural_net.py", "dlai step notebook.ipynb"). The script needs only numpy and
 * the student's own file: it builds the course's arguments, calls the student's code and prints
 * its answer beside gradcheck's. Undefined for any other submission.
 */
export function pythonCourseSnippet(ce: CaseFile, submission: string): string[] | undefined {
  const [kind, ...rest] = submission.split(" ");
  const entry = rest.at(-1) ?? "";
  const snippet = kinds[kind]?.(ce, rest.length > 1 ? rest[0] : "", entry);
  if (!snippet) return undefined;
  const expected = ce.expected ? [`print("gradcheck's J =", ${num(ce.expected.J)})`] : [];
  return ["import numpy as np", ...snippet.call, ...expected, ...(ce.expected ? snippet.expected(ce.expected.grad) : [])];
}

interface Snippet {
  readonly call: string[];
  /** the lines printing gradcheck's gradient in the course's names and shapes */
  expected(grad: number[][][]): string[];
}

const num = (v: number) => (Number.isFinite(v) ? String(v) : Number.isNaN(v) ? "np.nan" : v > 0 ? "np.inf" : "-np.inf");
const array = (rows: number[][]) => `np.array(${JSON.stringify(rows).replace(/null/g, "np.nan")})`;
const column = (T: number[][], j: number) => T.map((row) => [row[j]]);
const weights = (T: number[][]) => T.map((row) => row.slice(1));
const transpose = (A: number[][]) => (A[0] ?? []).map((_, j) => A.map((row) => row[j]));
/** "from X import *" for a .py entry (its top level runs: the student's own environment has its data); a notebook's cell needs none. */
const fromEntry = (entry: string, names: string) =>
  entry.endsWith(".ipynb")
    ? [`# paste into a new cell of ${entry}, after its definitions`]
    : [`from ${entry.replace(/\.py$/, "").replace(/\//g, ".")} import ${names}`];

const kinds: Readonly<Record<string, (ce: CaseFile, variant: string, entry: string) => Snippet | undefined>> = {
  Python: (ce, _variant, entry) => {
    const [s1, s2, K] = ce.layerSizes;
    const thetas = ce.theta.map((T, l) => `Theta${l + 1} = ${array(T)}`);
    const unrolled = `np.concatenate([${ce.theta.map((_, l) => `Theta${l + 1}.ravel()`).join(", ")}])`;
    const call =
      ce.layerSizes.length === 3
        ? `J, grad = nnCostFunction(${unrolled}, ${s1}, ${s2}, ${K}, X, y, lambda_)`
        : `J, grad = nnCostFunction(${unrolled}, ${JSON.stringify(ce.layerSizes)}, X, y, lambda_)`;
    return {
      call: [
        ...fromEntry(entry, "nnCostFunction"),
        ...thetas,
        `X = ${array(ce.X)}`,
        `y = np.array(${JSON.stringify(ce.labels)})  # labels 0..K-1`,
        `lambda_ = ${num(ce.lambda)}`,
        call,
        'print("your J =", J)',
        'print("your grad =", np.ravel(grad).tolist())',
      ],
      expected: (grad) => [
        `print("gradcheck's grad =", ${JSON.stringify(grad.map((D) => D.flat()).flat())})  # Theta1_grad.ravel(), then Theta2_grad.ravel()`,
      ],
    };
  },
  cs231n: (ce, variant, entry) => {
    const hidden = ce.layerSizes.slice(1, -1);
    const [D, C] = [ce.layerSizes[0], ce.layerSizes[ce.layerSizes.length - 1]];
    const model =
      variant === "fc-net"
        ? `model = FullyConnectedNet(${JSON.stringify(hidden)}, input_dim=${D}, num_classes=${C}, dtype=np.float64)`
        : `model = TwoLayerNet(${D}, ${hidden[0]}, ${C})`;
    const m = ce.X.length;
    return {
      call: [
        ...fromEntry(entry, variant === "fc-net" ? "FullyConnectedNet" : "TwoLayerNet"),
        model,
        ...ce.theta.flatMap((T, l) => [
          `model.params['W${l + 1}'] = ${array(transpose(weights(T)))}`,
          `model.params['b${l + 1}'] = np.array(${JSON.stringify(T.map((row) => row[0]))}).reshape(model.params['b${l + 1}'].shape)`,
        ]),
        `X = ${array(ce.X)}`,
        `y = np.array(${JSON.stringify(ce.labels)})`,
        `reg = ${num(ce.lambda)} / ${2 * m}  # with 0.5 * reg * sum(W * W): ${num(ce.lambda)} / ${m}`,
        variant === "fc-net" ? "model.reg = reg\nloss, grads = model.loss(X, y)" : "loss, grads = model.loss(X, y, reg=reg)",
        'print("your loss =", loss)',
        ...ce.theta.flatMap((_, l) => [
          `print("your dW${l + 1} =", grads['W${l + 1}'].tolist())`,
          `print("your db${l + 1} =", np.ravel(grads['b${l + 1}']).tolist())`,
        ]),
      ].flatMap((l) => l.split("\n")),
      expected: (grad) =>
        grad.flatMap((G, l) => [
          `print("gradcheck's dW${l + 1} =", ${JSON.stringify(transpose(weights(G)))})`,
          `print("gradcheck's db${l + 1} =", ${JSON.stringify(G.map((row) => row[0]))})`,
        ]),
    };
  },
  dlai: (ce, variant, entry) => {
    const calls: Record<string, string[]> = {
      step: ["AL, caches = L_model_forward(X, parameters)", "cost = compute_cost(AL, Y)", "grads = L_model_backward(AL, Y, caches)"],
      regularization: [
        "A3, cache = forward_propagation(X, parameters)",
        "cost = compute_cost_with_regularization(A3, Y, parameters, lambd)",
        "grads = backward_propagation_with_regularization(X, Y, cache, lambd)",
      ],
      "gradient-checking": ["cost, cache = forward_propagation_n(X, Y, parameters)", "grads = backward_propagation_n(X, Y, cache)"],
    };
    if (!calls[variant]) return undefined;
    return {
      call: [
        ...fromEntry(entry, "*"),
        "parameters = {}",
        ...ce.theta.flatMap((T, l) => [
          `parameters['W${l + 1}'] = ${array(weights(T))}`,
          `parameters['b${l + 1}'] = ${array(column(T, 0))}`,
        ]),
        `X = ${array(transpose(ce.X))}  # n_x × m: one example per column`,
        `Y = np.array([${JSON.stringify(ce.labels)}])`,
        `lambd = ${num(ce.lambda)}`,
        ...calls[variant],
        'print("your cost =", cost)',
        ...ce.theta.flatMap((_, l) => [
          `print("your dW${l + 1} =", grads['dW${l + 1}'].tolist())`,
          `print("your db${l + 1} =", np.ravel(grads['db${l + 1}']).tolist())`,
        ]),
      ],
      expected: (grad) =>
        grad.flatMap((G, l) => [
          `print("gradcheck's dW${l + 1} =", ${JSON.stringify(weights(G))})`,
          `print("gradcheck's db${l + 1} =", ${JSON.stringify(G.map((row) => row[0]))})`,
        ]),
    };
  },
};
