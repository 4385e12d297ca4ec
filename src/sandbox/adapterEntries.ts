import { closeSync, existsSync, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";

/**
 * A kind of submission that gradcheck calls through its own adapter: the student writes the
 * course's function as the course asks, and the adapter (copied beside it in the private copy)
 * supplies the request loop and the conversions. One row per kind; the first whose entry is
 * found in the folder is used.
 */
export interface AdapterEntry {
  /** what the reports call it, e.g. "Octave nnCostFunction.m" */
  describe(entry: string): string;
  /** the entry file in the staged folder, or undefined when this kind is not there */
  entryIn(stagedDir: string): string | undefined;
  /** gradcheck's files copied beside the submission: folder under src/sandbox, file names */
  readonly adapter: { readonly folder: string; readonly files: readonly string[] };
  /** the program, found on the sandbox's PATH, and how to install it */
  readonly program: string;
  readonly install: string;
  command(entry: string): string[];
}

/** Debian's octave package provides octave-cli. */
export const octaveCommand = ["octave-cli", "--norc", "--no-history", "--quiet", "--no-window-system"];
const pythonAdapter = [
  "gradcheck_adapter.py",
  "gradcheck_load.py",
  "gradcheck_conventions.py",
  "gradcheck_imports.py",
  "gradcheck_cs231n.py",
  "gradcheck_dlai.py",
];
/** The system's Python (Debian's, with python3-numpy), isolated from the environment and user site. */
export const pythonCommand = ["/usr/bin/python3", "-I", "-B"];

export const adapterEntries: Readonly<Record<string, AdapterEntry>> = {
  octave: {
    describe: (entry) => `Octave ${entry}`,
    entryIn: (dir) => (existsSync(join(dir, "nnCostFunction.m")) ? "nnCostFunction.m" : undefined),
    adapter: { folder: "octave", files: ["gradcheck_adapter.m"] },
    program: "octave-cli",
    install: "install Octave (apt-get install octave)",
    command: () => [...octaveCommand, "gradcheck_adapter.m"],
  },
  python: {
    describe: (entry) => `Python ${entry}`,
    entryIn: (dir) => (existsSync(join(dir, "nnCostFunction.py")) ? "nnCostFunction.py" : notebookDefining(dir, "nnCostFunction")),
    adapter: { folder: "python", files: pythonAdapter },
    program: pythonCommand[0],
    install: "install Python 3 with numpy (apt-get install python3-numpy)",
    command: (entry) => [...pythonCommand, "gradcheck_adapter.py", entry, "nnCostFunction"],
  },
};

/** A course's own code, as an assignment's course profile names it (src/judge/Assignment.ts). */
export interface CourseOption {
  readonly profile: string;
  readonly variant?: string;
  readonly regularizer?: string;
}

/**
 * Where each course's assignments live in a student's folder: fixed file names, most specific
 * first (CS231n), or the notebook or .py export that defines the assignment's graded function
 * (deeplearning.ai), whatever the student named it.
 */
type CourseFiles = readonly string[] | { readonly defines: string };
const courseFiles: Readonly<Record<string, Readonly<Record<string, CourseFiles>>>> = {
  cs231n: {
    "two-layer": ["neural_net.py", "cs231n/classifiers/neural_net.py", "cs231n/classifiers/fc_net.py"],
    "fc-net": ["cs231n/classifiers/fc_net.py", "fc_net.py"],
  },
  dlai: {
    step: { defines: "L_model_backward" },
    regularization: { defines: "backward_propagation_with_regularization" },
    "gradient-checking": { defines: "backward_propagation_n" },
  },
};

/** The file of one variant in the folder; `own` leaves out a file that another variant names first. */
function variantFile(dir: string, profile: string, variant: string, own = false): string | undefined {
  const variants = courseFiles[profile] ?? {};
  const where = variants[variant];
  if (!Array.isArray(where)) return fileDefining(dir, (where as { defines: string }).defines);
  const firsts = Object.entries(variants)
    .filter(([v, w]) => v !== variant && Array.isArray(w))
    .map(([, w]) => (w as readonly string[])[0]);
  return (where as readonly string[]).find((f) => existsSync(join(dir, f)) && !(own && firsts.includes(f)));
}

/** The variant a folder holds when the assignment names none: the first whose own file is there. */
export function courseVariantIn(dir: string, profile: string): string | undefined {
  return Object.keys(courseFiles[profile] ?? {}).find((v) => variantFile(dir, profile, v, true) !== undefined);
}

/** The adapter for a course's code in the folder, or why there is none. */
export function courseEntryIn(
  dir: string,
  course: CourseOption,
): { readonly kind: AdapterEntry; readonly entry: string } | { readonly problem: "no-entry-file"; readonly message: string } {
  const variant = course.variant ?? courseVariantIn(dir, course.profile);
  const entry = variant ? variantFile(dir, course.profile, variant) : undefined;
  if (!variant || !entry) {
    const wanted = Object.entries(courseFiles[course.profile] ?? {})
      .filter(([v]) => !variant || v === variant)
      .map(([v, f]) => `${Array.isArray(f) ? f.join(" or ") : `a notebook or .py defining ${(f as { defines: string }).defines}`} (${v})`);
    return { problem: "no-entry-file", message: `no ${course.profile} submission found; expected ${wanted.join("; ")}` };
  }
  const options = JSON.stringify({ variant, regularizer: course.regularizer });
  return {
    entry,
    kind: {
      ...adapterEntries.python,
      describe: (e) => `${course.profile} ${variant} ${e}`,
      entryIn: () => entry,
      command: (e) => [...pythonCommand, "gradcheck_adapter.py", e, course.profile, options],
    },
  };
}

/** The entry names the adapters look for, for messages. */
export const adapterEntryNames = ["nnCostFunction.m", "nnCostFunction.py", "a notebook (.ipynb) defining nnCostFunction"];

/** A notebook at the top of the folder whose code defines `def NAME(`: the first such, by name. */
export function notebookDefining(dir: string, name: string): string | undefined {
  return fileDefining(dir, name, [".ipynb"]);
}

/** A notebook, else a .py file (not gradcheck's own), at the top of the folder defining `def NAME(`; the first by name. */
function fileDefining(dir: string, name: string, kinds: readonly string[] = [".ipynb", ".py"]): string | undefined {
  const kind = (f: string) => kinds.findIndex((k) => f.endsWith(k));
  const files = readdirSync(dir)
    .filter((f) => kind(f) >= 0 && !f.startsWith("gradcheck_"))
    .sort((a, b) => kind(a) - kind(b) || a.localeCompare(b));
  return files.find((f) => headOf(join(dir, f)).includes(`def ${name}(`));
}

/** The first 8 MB of a file: enough for any notebook's code, however many outputs it carries. */
function headOf(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(8 * 1024 * 1024);
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}
