import type { CaseFile } from "../judge/caseFileOf.ts";

/**
 * How a student replays the counterexample with their own tools — no gradcheck needed: the
 * arguments of the one call that goes wrong, gradcheck's J for it, and the same call as the
 * JSON line a process submission reads on stdin, to paste into a test or pipe into the program.
 */
export function replayRequest(ce: CaseFile, beside: { readonly file: boolean } = { file: true }): string[] {
  const params = ce.theta.flatMap((T) => T.flat());
  const line = JSON.stringify({ id: 1, params, layerSizes: ce.layerSizes, X: ce.X, y: ce.labels, lambda: ce.lambda });
  const gradient = beside.file ? "; its gradient is `expected.grad` in counterexample.json" : "";
  const expected = ce.expected ? ` gradcheck's J for it is ${ce.expected.J}${gradient}.` : "";
  const yours = ce.submitted ? ` Your code answered J = ${ce.submitted.J}.` : "";
  return [
    `Call your nnCostFunction on this network with your own tools and compare.${expected}${yours} The arguments, as one JSON line (params is Θ⁽¹⁾, Θ⁽²⁾, … unrolled row by row, bias column first; y the labels 0..K−1 — an Octave nnCostFunction.m takes y + 1 and Θ unrolled column by column, \`Theta1(:)\`):`,
    "",
    `    ${line}`,
    "",
    "A program that reads JSON lines answers it when the line is sent on its standard input (for example `python3 nn.py < request.json`).",
  ];
}
