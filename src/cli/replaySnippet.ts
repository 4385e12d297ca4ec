import type { CaseFile } from "../judge/caseFileOf.ts";

/**
 * The counterexample as code the student runs in their own language, calling their own
 * function: an Octave snippet for an Octave nnCostFunction.m (labels 1..K, Θ unrolled
 * column-major as the classic exercise does), a numpy snippet for a Python program.
 */
export function replaySnippet(ce: CaseFile, language: "octave" | "numpy"): string[] {
  return language === "octave" ? octaveSnippet(ce) : numpySnippet(ce);
}

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

function numpySnippet(ce: CaseFile): string[] {
  const list = (rows: number[][]) => `np.array(${JSON.stringify(rows).replace(/null/g, "np.nan")})`;
  const lines = [
    "import numpy as np",
    `Thetas = [${ce.theta.map(list).join(", ")}]  # each s_(l+1) × (s_l + 1), bias column first`,
    "params = np.concatenate([T.ravel() for T in Thetas])  # row-major, as gradcheck sends it",
    `layer_sizes = ${JSON.stringify(ce.layerSizes)}`,
    `X = ${list(ce.X)}`,
    `y = np.array(${JSON.stringify(ce.labels)})  # 0-based labels`,
    `lam = ${num(ce.lambda)}`,
    "# call your function here, e.g. J, grad = nn_cost_function(params, layer_sizes, X, y, lam)",
  ];
  if (ce.expected) {
    lines.push(`# gradcheck's J = ${num(ce.expected.J)}`);
    lines.push(`# gradcheck's grad = ${JSON.stringify(ce.expected.grad.flat(2))}`);
  }
  return lines;
}
