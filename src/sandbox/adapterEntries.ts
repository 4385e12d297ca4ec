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
const pythonAdapter = ["gradcheck_adapter.py", "gradcheck_load.py", "gradcheck_conventions.py", "gradcheck_helpers.py"];
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

/** The entry names the adapters look for, for messages. */
export const adapterEntryNames = ["nnCostFunction.m", "nnCostFunction.py", "a notebook (.ipynb) defining nnCostFunction"];

/** A notebook at the top of the folder whose code defines `def NAME(`: the first such, by name. */
export function notebookDefining(dir: string, name: string): string | undefined {
  const notebooks = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort();
  return notebooks.find((f) => headOf(join(dir, f)).includes(`def ${name}(`));
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
