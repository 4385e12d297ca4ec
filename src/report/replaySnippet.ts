import type { CaseFile } from "../judge/caseFileOf.ts";
import type { Assignment, ParameterLayout } from "../judge/Assignment.ts";
import { toColumnMajor, toWb } from "../judge/parameterLayout.ts";

/**
 * The counterexample as code the student runs in their own language, calling their own
 * function: an Octave snippet for an Octave nnCostFunction.m (labels 1..K, Θ unrolled
 * column-major as the classic exercise does), a numpy snippet for a Python program.
 */
export function replaySnippet(ce: CaseFile, language: ReplayLanguage, stated: Interface = plain): string[] {
  return language === "octave" ? octaveSnippet(ce) : numpySnippet(ce, stated);
}

/** The languages a counterexample is replayed in: a student's own, where gradcheck can tell it. */
export type ReplayLanguage = "octave" | "numpy";

/**
 * A submission's replay language from its description ("Octave nnCostFunction.m", "process
 * python3 nn.py", "Python nnCostFunction.py"), or undefined (JavaScript: the JSON line serves).
 * Octave's classic signature has exactly one hidden layer; a numpy program takes any.
 */
export function replayLanguageOf(submission: string, ce: CaseFile): ReplayLanguage | undefined {
  if (/^Octave\b/.test(submission)) return ce.layerSizes.length === 3 ? "octave" : undefined;
  return /^Python\b|\bpython3?\b/.test(submission) ? "numpy" : undefined;
}

/** How the assignment hands parameters and labels to the student's function. */
export type Interface = Pick<Assignment, "layout" | "labels">;
const plain: Interface = { layout: "unrolled", labels: "0-based" };

/** The numpy lines that build params (from Thetas) and y (from the 0-based labels) as the assignment sends them. */
const numpyParams: Readonly<Record<ParameterLayout, string>> = {
  unrolled: "params = np.concatenate([T.ravel() for T in Thetas])  # row-major, as gradcheck sends it",
  "unrolled-column-major": 'params = np.concatenate([T.ravel(order="F") for T in Thetas])  # column-major, as gradcheck sends it',
  wb: 'params = [{"W": T[:, 1:].T, "b": T[:, 0]} for T in Thetas]  # z = a·W + b: W is in × out (send .tolist() over JSON)',
};

const num = (v: number) => (Number.isFinite(v) ? String(v) : Number.isNaN(v) ? "NaN" : v > 0 ? "Inf" : "-Inf");

function octaveMatrix(rows: number[][]): string {
  return `[${rows.map((r) => r.map(num).join(" ")).join("; ")}]`;
}

function octaveSnippet(ce: CaseFile): string[] {
  const [s1, s2, K] = ce.layerSizes;
  const lines = ["% In the folder of your nnCostFunction.m:"];
  ce.theta.forEach((T, l) => lines.push(`Theta${l + 1} = ${octaveMatrix(T)};`));
  lines.push(
    `X = ${octaveMatrix(ce.X)};`,
    `y = [${ce.labels.map((c) => c + 1).join("; ")}];`,
    `lambda = ${num(ce.lambda)};`,
    `[J, grad] = nnCostFunction([${ce.theta.map((_, l) => `Theta${l + 1}(:)`).join("; ")}], ${s1}, ${s2}, ${K}, X, y, lambda)`,
  );
  if (ce.expected) {
    lines.push(`% gradcheck's J = ${num(ce.expected.J)}`);
    ce.expected.grad.forEach((D, l) => lines.push(`% gradcheck's Theta${l + 1}_grad = ${octaveMatrix(D)}`));
  }
  return lines;
}

function numpySnippet(ce: CaseFile, stated: Interface): string[] {
  const list = (rows: number[][]) => `np.array(${JSON.stringify(rows).replace(/null/g, "np.nan")})`;
  const lines = [
    "import numpy as np",
    `Thetas = [${ce.theta.map(list).join(", ")}]  # each s_(l+1) × (s_l + 1), bias column first`,
    numpyParams[stated.layout],
    `layer_sizes = ${JSON.stringify(ce.layerSizes)}`,
    `X = ${list(ce.X)}`,
    stated.labels === "1-based"
      ? `y = np.array(${JSON.stringify(ce.labels.map((c) => c + 1))})  # 1-based labels`
      : stated.labels === "one-hot"
        ? `y = np.eye(${ce.layerSizes[ce.layerSizes.length - 1]})[${JSON.stringify(ce.labels)}]  # one-hot rows`
        : `y = np.array(${JSON.stringify(ce.labels)})  # 0-based labels`,
    `lam = ${num(ce.lambda)}`,
    "# call your function here, e.g. J, grad = nn_cost_function(params, layer_sizes, X, y, lam)",
  ];
  if (ce.expected) {
    lines.push(`# gradcheck's J = ${num(ce.expected.J)}`);
    const grad = ce.expected.grad.flat(2);
    // the gradient in the shape the function returns it
    const shown =
      stated.layout === "wb" ? toWb(grad, ce.layerSizes) : stated.layout === "unrolled" ? grad : toColumnMajor(grad, ce.layerSizes);
    lines.push(`# gradcheck's grad = ${JSON.stringify(shown)}`);
  }
  return lines;
}
