import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultGradeTimeoutMs } from "../src/cli/gradeCommand.ts";
import { defaultRubric } from "../src/grade/defaultRubric.ts";
import { gradeClass } from "../src/grade/gradeClass.ts";
import { gradeSubmission } from "../src/grade/gradeSubmission.ts";
import type { BenchSection } from "./section.ts";

const classDir = fileURLToPath(new URL("../examples/class/", import.meta.url));
const seed = 2024;

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Seconds per student (the default rubric, load to close) and the whole of examples/class with --jobs 1 and 2. */
export async function gradeBench(): Promise<BenchSection> {
  const options = { seed, callTimeoutMs: defaultGradeTimeoutMs };
  const per = async (id: string, repeat: number) =>
    median(
      await (async () => {
        const times: number[] = [];
        for (let k = 0; k < repeat; k++) times.push(await seconds(() => gradeSubmission(id, join(classDir, id), defaultRubric, options)));
        return times;
      })(),
    );
  const rows = [
    { label: "one student: correct JavaScript (alice)", ms: 1000 * (await per("alice", 3)) },
    { label: "one student: buggy JavaScript, diagnosed (bob)", ms: 1000 * (await per("bob", 3)) },
    { label: "one student: Python process, buggy (frank)", ms: 1000 * (await per("frank", 1)) },
    { label: "one student: hangs on deep networks (erin)", ms: 1000 * (await per("erin", 1)) },
  ];
  for (const jobs of [1, 2]) {
    const out = mkdtempSync(join(tmpdir(), "gradcheck-bench-grade-"));
    try {
      rows.push({
        label: `examples/class, --jobs ${jobs}`,
        ms:
          1000 *
          (await seconds(() =>
            gradeClass({
              classDir,
              outDir: join(out, "grades"),
              rubric: defaultRubric,
              seed,
              drawSeed: () => seed,
              jobs,
              callTimeoutMs: defaultGradeTimeoutMs,
              resume: false,
            }),
          )),
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  rows.push({ label: "100 mixed students (no hangs), --jobs 2", ms: 1000 * (await hundredStudents()) });
  return {
    title: "grade: seconds per student and per class",
    rows,
    notes: [
      `The default rubric (${defaultRubric.tests.length} tests), per-call limit ${defaultGradeTimeoutMs} ms, seed ${seed}; one student is measured from loading its sandbox to closing it, median of the runs shown.`,
      "A hanging call costs its time limit, and the first one is retried once (so a busy machine cannot fail a correct student); after that retry also timed out, later timeouts of the same student are final: a student that hangs everywhere costs at most (tests + 1) × the limit.",
      "The 100 mixed students are copies of examples/class's students that do not hang (correct, buggy, crashing, Python, zip, no entry file), each copy its own folder (so its own content hash).",
      "examples/class holds 8 students, one of which hangs on deeper networks; single runs, on a shared machine: expect noise.",
    ],
  };
}

/** A class of 100: the shipped students that do not hang, copied round-robin, graded with --jobs 2. */
async function hundredStudents(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), "gradcheck-bench-100-"));
  try {
    const kinds = ["alice", "bob", "carol", "dave", "frank", "grace.zip", "heidi"];
    mkdirSync(join(scratch, "class"));
    for (let k = 0; k < 100; k++) {
      const kind = kinds[k % kinds.length];
      const id = `s${String(k).padStart(3, "0")}`;
      cpSync(join(classDir, kind), join(scratch, "class", kind.endsWith(".zip") ? `${id}.zip` : id), { recursive: true });
    }
    return await seconds(() =>
      gradeClass({
        classDir: join(scratch, "class"),
        outDir: join(scratch, "grades"),
        rubric: defaultRubric,
        seed,
        drawSeed: () => seed,
        jobs: 2,
        callTimeoutMs: defaultGradeTimeoutMs,
        resume: false,
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
