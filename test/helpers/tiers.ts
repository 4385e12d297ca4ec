/**
 * The direction of dependencies, lowest first: the one list the architecture test enforces and
 * the picture in docs/architecture.md and the README's layout and chain are checked against. A
 * file in src/ may import from its own folder and from folders of a strictly lower tier, never
 * upward and never sideways (not even for a type): that keeps `numeric` and `check` usable on
 * plain functions, the tape free of networks, and the network code free of submissions and
 * reports. A new folder must be placed here before anything may import it.
 */
export interface Unit {
  /** a folder of src/, or a file at its top */
  readonly name: string;
  /** what it holds, as the picture shows it */
  readonly holds: string;
  /** why it reads or writes files, if it does (the architecture test holds this to the imports of node:fs) */
  readonly files?: string;
}

export const tiers: readonly (readonly Unit[])[] = [
  [
    { name: "linalg", holds: "Matrix over Float64Array, the gemm kernels, e^x over whole arrays" },
    { name: "numeric", holds: "finite differences of plain functions, the seeded generator" },
    { name: "data", holds: "the built-in reference cases", files: "finds the package's root and version in its package.json" },
    { name: "outcome", holds: "every kind of finding, from check to a class's statuses, with one record of words each" },
  ],
  [{ name: "tape", holds: "reverse-mode autodiff: one table of rules, forward and vjp side by side" }],
  [
    { name: "check", holds: "analytic vs numerical for any function: tolerance model, findings" },
    { name: "network", holds: "layer sizes, Θ and its entries, activations, costs, forward pass, J" },
  ],
  [
    { name: "backprop", holds: "the lecture's formulas (loop, batch, worker threads) and the cost on the tape" },
    { name: "caseio", holds: "reading and validating case files" },
    { name: "fdnet", holds: "finite differences that know the network; the BigNumber oracle" },
  ],
  [
    { name: "mistakes", holds: "the catalogue of known mistakes, each a runnable nnCostFunction" },
    { name: "methods.ts", holds: "the gradient methods by the names `eval --method` takes" },
  ],
  [
    {
      name: "sandbox",
      holds: "running untrusted code: staging, the OS sandbox, harnesses, limits",
      files:
        "stages a private copy of a submission, transpiles a `.ts` entry, writes its cgroup's limits, probes what the machine enforces",
    },
  ],
  [
    {
      name: "judge",
      holds: "judging a submission's answers: cases, shrinking, diagnosis",
      files: "reads a case file to replay (`--case`) and a submission's file names for its course variant",
    },
    { name: "train", holds: "training on real digits, its gradient checked as it trains", files: "reads the MNIST digits" },
  ],
  [{ name: "report", holds: "every renderer: text, Markdown, JSON, CSV, HTML, JUnit, exit codes; escaping a submission's text" }],
  [
    {
      name: "grade",
      holds: "a class: rubric, scheduling, resumable outputs, exports",
      files: "finds the students' folders, unpacks zips, writes a class's outputs atomically, builds the autograder",
    },
  ],
  [{ name: "cli", holds: "argument parsing, the verbs, exit codes", files: "reads case files and writes reports" }],
];

export const tierOf = new Map(tiers.flatMap((units, rank) => units.map((u) => [u.name, rank] as const)));

/** The picture of docs/architecture.md: highest tier first, an arrow down to the tier below. */
export function tierPicture(): string {
  const width = Math.max(...tiers.flat().map((u) => u.name.length)) + 2;
  const rows = [...tiers].reverse().map((units) => units.map((u) => `${u.name.padEnd(width)}${u.holds}`).join("\n"));
  return rows.join("\n   ↓\n");
}

/** The README's one-line chain, highest first: `cli → grade → … → (linalg, numeric, data)`. */
export function tierChain(): string {
  const names = (units: readonly Unit[]) => (units.length === 1 ? units[0]!.name : `(${units.map((u) => u.name).join(", ")})`);
  return [...tiers].reverse().map(names).join(" → ");
}

/** docs/architecture.md's list of the folders that touch files, highest first, each with its reason. */
export function fileTouchers(): string {
  const units = [...tiers].reverse().flat();
  return units
    .filter((u) => u.files !== undefined)
    .map((u) => `- \`${u.name}\` ${u.files}`)
    .join("\n");
}
