import type { FindingInfo, LoadFindingKind } from "./FindingKind.ts";

/** Why a submission could not be loaded, kind by kind (the table's part for src/sandbox). */
export const loadInfo: Readonly<Record<LoadFindingKind, FindingInfo>> = {
  "not-found": {
    group: "load",
    fails: true,
    title: "Submission not found",
    explanation: "The path given to check does not exist.",
    hint: "Pass the submission's folder (or its entry file).",
  },
  "no-entry-file": {
    group: "load",
    fails: true,
    title: "No entry file",
    explanation: "The folder has neither gradcheck.json nor nnCostFunction.js/.mjs/.cjs/.ts.",
    hint: 'Name the module nnCostFunction.js (or .mjs, .cjs, .ts), or add gradcheck.json with {"command": [...]}.',
    status: "no gradcheck.json and no nnCostFunction.js/.mjs/.cjs/.ts in the folder",
  },
  "bad-config": {
    group: "load",
    fails: true,
    title: "Unreadable gradcheck.json",
    explanation: 'gradcheck.json must be JSON of the form {"command": ["program", "arg", ...]}.',
    hint: 'For example {"command": ["python3", "nn.py"]}.',
  },
  "no-export": {
    group: "load",
    fails: true,
    title: "No exported nnCostFunction",
    explanation: "The module loaded but exports no function named nnCostFunction, and its default export is not one either.",
    hint: "export function nnCostFunction(...) (ESM), module.exports = { nnCostFunction } (CommonJS) or export default; in Python, def nnCostFunction(...) with one of the signatures the message names.",
  },
  "syntax-error": {
    group: "load",
    fails: true,
    title: "Syntax error",
    explanation: "The submission's code could not be parsed or compiled, so none of it ran.",
    hint: "Run it once in its own language (node or tsc, octave, python3) to see the error in context.",
  },
  "import-failed": {
    group: "load",
    fails: true,
    title: "Module failed while loading",
    explanation: "Evaluating the module threw before nnCostFunction could be called, for example on an import it may not read.",
    hint: "A submission may import only node built-ins and files inside its own folder.",
  },
  "command-not-found": {
    group: "load",
    fails: true,
    title: "Command not found",
    explanation: "The program named in gradcheck.json does not exist where the sandbox looks for it.",
    hint: "Use an interpreter installed on the system (python3, node, …) or a path inside the submission folder.",
  },
  "crashed-on-load": {
    group: "load",
    fails: true,
    title: "Crashed while loading",
    explanation: "The submission's process ended before it was ready to answer.",
    hint: "Look at its stderr, shown with the message.",
  },
  "startup-timeout": {
    group: "load",
    fails: true,
    title: "Too slow to load",
    explanation: "The module did not finish loading in time.",
    hint: "Avoid work at import time.",
  },
  "too-large": {
    group: "load",
    fails: true,
    title: "Submission folder too large",
    explanation: "The folder holds more bytes (apparent sizes), files or folder levels than the private copy allows.",
    hint: "Submit only the source files; the message names the limit that was hit.",
  },
  "refused-folder": {
    group: "load",
    fails: true,
    title: "Submission folder refused",
    explanation:
      "The submission is not a folder of its own (a symbolic link to one), or an entry changed while its private copy was made; nothing of it was kept or run.",
    hint: "Submit a plain folder and leave it alone while it is checked; the message names the entry and the rule.",
    status:
      "the folder was refused before anything of it was read beyond a limit: a symbolic link instead of a folder, a FIFO, socket, device or hard-linked file in it, too many bytes (apparent sizes), files or levels, or an entry changed while it was copied; the reason names the file and the rule",
  },
  "no-sandbox": {
    group: "load",
    fails: true,
    title: "No sandbox for untrusted code",
    explanation: "The sandbox (bubblewrap with a seccomp filter) cannot be set up on this machine, so the submission was not run.",
    hint: "apt-get install bubblewrap (Linux); to check your own code without the sandbox, pass --unsafe-no-sandbox.",
  },
  "sandbox-failed": {
    group: "load",
    fails: true,
    title: "The checker could not run the submission",
    explanation:
      "gradcheck's own machinery failed (staging copy, TypeScript compiler, starting the sandbox); nothing is known about the submission.",
    hint: "The message says what failed; try again, or report it.",
  },
};
