/**
 * A report's entry names in a course's own words. gradcheck names an entry of ∂J/∂Θ as the
 * lecture does, Θ⁽ˡ⁾[i,j] (unit i from 1, column j from 0, j = 0 the bias column: see
 * src/network/thetaEntry.ts). Code that a course adapter calls (its description's first word,
 * "cs231n two-layer neural_net.py", "dlai step notebook.ipynb") returns named gradients instead,
 * and its student reads them by those names, indexed from 0 as numpy does: CS231n's
 * grads['W1'] is in × out, so Θ⁽¹⁾[i,j] is dW1[j−1,i−1] for j ≥ 1 and db1[i−1] for j = 0;
 * deeplearning.ai's grads['dW1'] is out × in, so dW1[i−1,j−1] and db1[i−1]. deeplearning.ai's λ
 * is the notebook's `lambd`, unchanged; CS231n's reg depends on m and the regulariser, and the
 * report's header states it.
 */
export type CourseNames = (text: string) => string;

interface Course {
  /** the weight entry (l, i, j) of Θ⁽ˡ⁾[i,j] with j ≥ 1, as the course indexes dWl */
  readonly weight: (i: number, j: number) => string;
  readonly lambda?: string;
}

const courses: Readonly<Record<string, Course>> = {
  cs231n: { weight: (i, j) => `${j - 1},${i - 1}` },
  dlai: { weight: (i, j) => `${i - 1},${j - 1}`, lambda: "lambd" },
};

const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const layer = "Θ⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾";
const plain = (sup: string) => [...sup].map((d) => digits.indexOf(d)).join("");
const entry = new RegExp(`${layer}\\[(\\d+),(\\d+)\\]`, "g");
const biasOnly = new RegExp(`${layer}: bias column only`, "g");
const weightsOnly = new RegExp(`${layer}: weights only`, "g");
const biasPart = new RegExp(`${layer} bias\\b`, "g");
const weightsPart = new RegExp(`${layer} weights\\b`, "g");
const wholeLayer = new RegExp(layer, "g");

/** The renaming for a submission's description, or undefined when it is no course adapter's (its names stay the lecture's). */
export function courseNamesFor(submission: string): CourseNames | undefined {
  const course = courses[submission.split(" ")[0] ?? ""];
  if (!course) return undefined;
  return (text) => {
    const named = text
      .replace(entry, (_, l: string, i: string, j: string) =>
        j === "0" ? `db${plain(l)}[${Number(i) - 1}]` : `dW${plain(l)}[${course.weight(Number(i), Number(j))}]`,
      )
      .replace(biasOnly, (_, l: string) => `db${plain(l)} only`)
      .replace(weightsOnly, (_, l: string) => `dW${plain(l)} only`)
      .replace(biasPart, (_, l: string) => `db${plain(l)}`)
      .replace(weightsPart, (_, l: string) => `dW${plain(l)}`)
      .replace(wholeLayer, (_, l: string) => `dW${plain(l)}, db${plain(l)}`);
    return course.lambda ? named.replace(/λ = /g, `${course.lambda} = `) : named;
  };
}

/** The same renaming, or the text unchanged for code no course adapter calls: what a renderer applies to raw text, before escaping it. */
export function courseNaming(submission: string | undefined): CourseNames {
  return (submission === undefined ? undefined : courseNamesFor(submission)) ?? ((text) => text);
}
