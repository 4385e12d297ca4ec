import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { medianMs } from "./measure.ts";
import type { BenchSection } from "./section.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = root + "bin/gradcheck.mjs";

/** A correct ex4 solution in each language gradcheck calls without an adapter written by the student. */
const solutions: readonly { readonly label: string; readonly dir: string; readonly needs?: string }[] = [
  { label: "Octave nnCostFunction.m", dir: "examples/ex4-octave", needs: "/usr/bin/octave-cli" },
  { label: "Python nnCostFunction.py", dir: "examples/ex4-python" },
  { label: "JavaScript nnCostFunction.mjs", dir: "examples/correct" },
];

/**
 * `check --profile ex4` on a correct solution in each language, whole commands as a TA runs
 * them: sandbox, interpreter start-up, 100 networks and their finite differences.
 */
export async function ex4CheckBench(): Promise<BenchSection> {
  if (!existsSync(root + "dist/src/cli/run.js")) throw new Error("ex4 check: build first (`npm run build`); the bin runs dist/");
  const rows = [];
  for (const s of solutions) {
    if (!existsSync(root + s.dir) || (s.needs && !existsSync(s.needs))) continue;
    let exit: number | null = null;
    const ms = await medianMs(
      () =>
        (exit = spawnSync(process.execPath, [bin, "check", s.dir, "--profile", "ex4", "--seed", "2"], {
          cwd: root,
          stdio: "ignore",
        }).status),
      3,
      1,
    );
    rows.push({ label: s.label, ms, extra: exit === 0 ? "passed" : `exit ${exit}` });
  }
  return {
    title: "check --profile ex4, by language",
    rows,
    notes: [
      "Each row is `gradcheck check DIR --profile ex4 --seed 2`: a fresh process, median of 3 after one warm-up.",
      "Goal: a correct Octave submission in ≤ 15 s on 2 cores. One Octave process answers every call; its adapter reads a request in two reads and writes an answer in one.",
    ],
  };
}
