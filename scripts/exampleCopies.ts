/**
 * The example submissions that are copies of another example. A student's folder is copied
 * alone into the sandbox, so an example cannot import the code it shares with a sibling: the
 * shared lines are written out in every copy. This table says, once, what each copy is — the
 * example it copies and the lines it changes (its planted mistake, its header, its module
 * format) — so that a fix to the shared part is made in the original only:
 *     npx tsx scripts/syncExamples.ts
 * writes every copy again, and test/examples/exampleCopies.test.ts fails while one is out of step.
 */
export interface ExampleCopy {
  /** The copy, relative to examples/. */
  copy: string;
  /** The example it copies, relative to examples/. */
  of: string;
  /** Each change as [lines of the original, what the copy has instead]; none for a plain copy. */
  changes?: readonly (readonly [string, string])[];
}

/** Examples that copy nothing and are copied by nothing, each with the reason it stands alone. */
export const standaloneExamples: Record<string, string> = {
  "class/grace.zip": "a zip handed in (TypeScript, the hidden δ without g'(z)): an archive, kept as its bytes",
  "class/heidi": "a student who handed in no code",
  "ex4-python": "the exercise's numpy port, with its own signature",
  "tape-logistic-regression.ts": "the library's tape, not a submission",
  "wb-module": "the wb layout in JavaScript: per-layer W and b, bugs planted through SLIP",
  "wb-numpy": "the wb layout in numpy: per-layer W and b, bugs planted through SLIP",
  ci: "a CI workflow, not a submission",
  rubrics: "rubrics, not submissions",
};

const classicJs = "correct/nnCostFunction.mjs";
const classicHeader =
  "// A correct nnCostFunction (docs/check.md): sigmoid in every layer, cross-entropy cost,\n" +
  "// 0-based labels turned into one-hot targets, the bias column never regularised.\n" +
  "//   npx gradcheck check examples/correct\n";

/** The classic header with the first line saying what is wrong and the command naming the copy. */
const buggyHeader = (what: string, folder: string) =>
  [
    classicHeader,
    `// A buggy nnCostFunction: ${what}\n` +
      "// 0-based labels turned into one-hot targets, the bias column never regularised.\n" +
      `//   npx gradcheck check examples/${folder}\n`,
  ] as const;

/** The slide's D = (1/m)Δ + λΘ, handed in as CommonJS with a default export. */
const slideLambda = (folder: string) =>
  [
    buggyHeader("the slide's D = (1/m)Δ + λΘ (CommonJS, default export).", folder),
    ["export function nnCostFunction(", "function nnCostFunction("],
    ["grad[q] += (lambda / m) * params[q];", "grad[q] += lambda * params[q]; // BUG: λ not divided by m"],
    ["  return { J, grad };\n}\n", "  return { J, grad };\n}\nmodule.exports = nnCostFunction;\n"],
  ] as const;

/** The bias column regularised, in J and in the gradient alike. */
const regularizedBias = (folder: string) =>
  [
    buggyHeader("the bias column is regularised (in J and in the gradient alike).", folder),
    ["        if (c === 0) continue;\n", '        // BUG: no "if (c === 0) continue;" — the bias column is regularised too\n'],
  ] as const;

/** A header that replaces the original's and a line planted at the top of nnCostFunction. */
const plantedAtEntry = (header: string, planted: string) =>
  [
    [classicHeader, header],
    [
      "export function nnCostFunction(params, layerSizes, X, y, lambda) {\n",
      `export function nnCostFunction(params, layerSizes, X, y, lambda) {\n${planted}`,
    ],
  ] as const;

/** The classic example as TypeScript: its signature, a default export and the types strict mode asks for. */
const typed = [
  ["const sigmoid = (z) =>", "const sigmoid = (z: number): number =>"],
  ["const softplus = (z) =>", "const softplus = (z: number): number =>"],
  [
    "export function nnCostFunction(params, layerSizes, X, y, lambda) {\n",
    "export default function nnCostFunction(\n  params: Float64Array,\n  layerSizes: number[],\n  X: number[][],\n" +
      "  y: number[],\n  lambda: number,\n): { J: number; grad: Float64Array } {\n",
  ],
  ["const Theta = [];", "const Theta: { rows: number; cols: number; at: number }[] = [];"],
  ["const w = (l, r, c) =>", "const w = (l: number, r: number, c: number) =>"],
  ["const a = [[1, ...X[i]]],\n      z = [[]];", "const a: number[][] = [[1, ...X[i]]],\n      z: number[][] = [[]];"],
  ["const zl = [],\n        al = [1];", "const zl: number[] = [],\n        al: number[] = [1];"],
  ["let delta = [];", "let delta: number[] = [];"],
  ["const next = [];", "const next: number[] = [];"],
] as const;

const classicCopies: ExampleCopy[] = [
  { copy: "class/alice/nnCostFunction.mjs", of: classicJs },
  { copy: "class/bob/nnCostFunction.cjs", of: classicJs, changes: slideLambda("class/bob") },
  { copy: "slide-lambda/nnCostFunction.cjs", of: classicJs, changes: slideLambda("slide-lambda") },
  { copy: "class/carol/nnCostFunction.js", of: classicJs, changes: regularizedBias("class/carol") },
  { copy: "regularized-bias/nnCostFunction.js", of: classicJs, changes: regularizedBias("regularized-bias") },
  {
    copy: "class/dave/nnCostFunction.mjs",
    of: classicJs,
    changes: plantedAtEntry(
      "// A student whose code is right but exits the process when given one example (m = 1):\n" +
        "// the grader restarts it, and only the test with m = 1 fails.\n",
      "  // The crash: a single example ends the whole process.\n  if (X.length === 1) process.exit(3);\n",
    ),
  },
  {
    copy: "class/erin/nnCostFunction.mjs",
    of: classicJs,
    changes: plantedAtEntry(
      "// A student whose code is right on one hidden layer and loops forever on deeper networks:\n" +
        "// each such call is stopped at the time limit, and only the deep test fails.\n",
      "  // The hang: a loop that never ends on networks with two or more hidden layers.\n" + "  while (layerSizes.length > 3) {}\n",
    ),
  },
  {
    copy: "naive-log/nnCostFunction.mjs",
    of: classicJs,
    changes: [
      [
        classicHeader + "\n",
        "// The classic exercise code: J written as −y·log(h) − (1 − y)·log(1 − h), literally. Right in\n" +
          "// exact arithmetic; ∞ or NaN where an output rounds to 1. The gradient is right.\n" +
          "//   npx gradcheck check examples/naive-log                         # exit 1: unstable-cost\n" +
          "//   npx gradcheck check examples/naive-log --allow-unstable-cost   # exit 0, with a warning\n",
      ],
      [
        "// −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z, finite even when σ(z) rounds to 1\n" +
          "const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));\n",
        "",
      ],
      [
        "      J += softplus(z[L - 1][k]) - target[k] * z[L - 1][k];\n",
        "      const h = a[L - 1][k + 1];\n" + "      J += -target[k] * Math.log(h) - (1 - target[k]) * Math.log(1 - h);\n",
      ],
    ],
  },
  {
    copy: "missing-derivative/nnCostFunction.ts",
    of: classicJs,
    changes: [
      [
        classicHeader,
        "// A buggy nnCostFunction in TypeScript: the hidden δ misses its g'(z) factor.\n" +
          "//   npx gradcheck check examples/missing-derivative\n",
      ],
      ...typed,
      ["        next.push(s * a[l][c] * (1 - a[l][c]));\n", "        next.push(s); // BUG: should be s * a[l][c] * (1 - a[l][c])\n"],
    ],
  },
];

/** The families differ only in which activations and cost they name. */
const family = (hidden: string, output: string, cost: string): ExampleCopy["changes"] => [
  [
    "// A relu hidden layer, softmax output and cross-entropy cost, written from the formulas:\n",
    `// A ${hidden} hidden layer, ${output} output and ${cost} cost, written from the formulas:\n`,
  ],
  [
    'const hidden = "relu",\n  output = "softmax",\n  cost = "cross-entropy";\n',
    `const hidden = "${hidden}",\n  output = "${output}",\n  cost = "${cost}";\n`,
  ],
];

const familyJs = "families/softmax-relu/nnCostFunction.mjs";
const familyCopies: ExampleCopy[] = [
  {
    copy: "families/identity-squared-error-sigmoid/nnCostFunction.mjs",
    of: familyJs,
    changes: family("sigmoid", "identity", "squared-error"),
  },
  {
    copy: "families/sigmoid-cross-entropy-tanh/nnCostFunction.mjs",
    of: familyJs,
    changes: family("tanh", "sigmoid", "cross-entropy"),
  },
  { copy: "families/squared-error-tanh/nnCostFunction.mjs", of: familyJs, changes: family("tanh", "sigmoid", "squared-error") },
];

/** Labels compared with every output unit instead of turned into one-hot targets. */
const labelsNotOneHot = (title: string) =>
  [
    ['"""A correct nnCostFunction as a process submission (docs/check.md), in plain Python.\n', `"""${title}\n`],
    ["    npx gradcheck check examples/python-correct\n", "    npx gradcheck check examples/python-labels\n"],
    [
      "ONE_HOT = True  # the buggy sibling example sets this to False\n",
      "ONE_HOT = False  # BUG: every output unit is compared with the label itself\n",
    ],
  ] as const;

const pythonCopies: ExampleCopy[] = [
  {
    copy: "python-labels/nn.py",
    of: "python-correct/nn.py",
    changes: labelsNotOneHot("A buggy nnCostFunction (labels not one-hot) as a process submission (docs/check.md), in plain Python."),
  },
  { copy: "python-labels/gradcheck.json", of: "python-correct/gradcheck.json" },
  {
    copy: "class/frank/nn.py",
    of: "python-correct/nn.py",
    changes: labelsNotOneHot("A buggy nnCostFunction (labels not one-hot) as a process submission, in plain Python."),
  },
  { copy: "class/frank/gradcheck.json", of: "python-correct/gradcheck.json" },
];

/** A course example's buggy twin: the command in its header names the twin, and one line is wrong. */
const buggyTwin = (folder: string, profile: string, [right, wrong]: readonly [string, string]) =>
  [
    [`check examples/${folder} ${profile}`, `check examples/${folder}-buggy ${profile}`],
    [right, wrong],
  ] as const;

const courseCopies: ExampleCopy[] = [
  { copy: "cs231n-fc-net-buggy/cs231n/__init__.py", of: "cs231n-fc-net/cs231n/__init__.py" },
  { copy: "cs231n-fc-net-buggy/cs231n/classifiers/__init__.py", of: "cs231n-fc-net/cs231n/classifiers/__init__.py" },
  { copy: "cs231n-fc-net-buggy/cs231n/layer_utils.py", of: "cs231n-fc-net/cs231n/layer_utils.py" },
  {
    copy: "cs231n-fc-net-buggy/cs231n/classifiers/fc_net.py",
    of: "cs231n-fc-net/cs231n/classifiers/fc_net.py",
    changes: [["check examples/cs231n-fc-net --profile", "check examples/cs231n-fc-net-buggy --profile"]],
  },
  {
    copy: "cs231n-fc-net-buggy/cs231n/layers.py",
    of: "cs231n-fc-net/cs231n/layers.py",
    changes: [["    dx = dout * (x > 0)\n", "    dx = dout  # the gradient passed through where the unit was off too: relu' forgotten\n"]],
  },
  {
    copy: "cs231n-two-layer-buggy/neural_net.py",
    of: "cs231n-two-layer/neural_net.py",
    changes: buggyTwin("cs231n-two-layer", "--profile cs231n", [
      "grads['W2'] = hidden.T.dot(dscores) + 2 * reg * W2\n",
      "grads['W2'] = hidden.T.dot(dscores) + reg * W2  # the derivative of reg * W^2 without its factor 2\n",
    ]),
  },
  {
    copy: "dlai-regularization-buggy/Regularization.py",
    of: "dlai-regularization/Regularization.py",
    changes: buggyTwin("dlai-regularization", "--profile dlai", [
      "dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / m * W3\n",
      "dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd * W3\n",
    ]),
  },
  {
    copy: "dlai-step-buggy/Building_your_Deep_Neural_Network_Step_by_Step.ipynb",
    of: "dlai-step/Building_your_Deep_Neural_Network_Step_by_Step.ipynb",
    changes: buggyTwin("dlai-step", "--profile dlai", [
      '"    dW = 1 / m * np.dot(dZ, A_prev.T)\\n",',
      '"    dW = np.dot(dZ, A_prev.T)\\n",',
    ]),
  },
];

/** The classic exercise handed in by a student: a class folder cannot link to it. */
const octaveCopies: ExampleCopy[] = ["nnCostFunction.m", "sigmoid.m", "sigmoidGradient.m"].map((file) => ({
  copy: `class/ivan/${file}`,
  of: `ex4-octave/${file}`,
}));

export const exampleCopies: readonly ExampleCopy[] = [...classicCopies, ...familyCopies, ...pythonCopies, ...courseCopies, ...octaveCopies];

/** The copy as it should read, or why it cannot be made: a change whose original is not there once. */
export function copyText(copy: ExampleCopy, original: string): { text: string } | { problem: string } {
  let text = original;
  for (const [index, [from, to]] of (copy.changes ?? []).entries()) {
    const count = text.split(from).length - 1;
    if (count !== 1)
      return {
        problem:
          `change ${index + 1} of examples/${copy.copy} expects examples/${copy.of} to hold ` +
          `${JSON.stringify(from)} once, found ${count} times: update its entry in scripts/exampleCopies.ts`,
      };
    text = text.replace(from, () => to);
  }
  return { text };
}

/** Where a copy on disk strays from its original outside its declared changes, or undefined. */
export function driftOf(copy: ExampleCopy, original: string, actual: string): string | undefined {
  const made = copyText(copy, original);
  if ("problem" in made) return made.problem;
  if (made.text === actual) return undefined;
  const want = made.text.split("\n"),
    have = actual.split("\n");
  let line = 0;
  while (want[line] === have[line]) line++;
  return (
    `examples/${copy.copy} strays from examples/${copy.of} outside its declared changes, ` +
    `first at line ${line + 1}:\n  expected ${JSON.stringify(want[line] ?? "<end of file>")}\n` +
    `  found    ${JSON.stringify(have[line] ?? "<end of file>")}\n` +
    `Fix examples/${copy.of} and run \`npx tsx scripts/syncExamples.ts\`, ` +
    `or declare the change in scripts/exampleCopies.ts.`
  );
}
