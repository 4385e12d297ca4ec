import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, expect, it } from "vitest";
import { cliCommand } from "../helpers/cli.ts";

const scratch = mkdtempSync(join(tmpdir(), "gradcheck-grade-exports-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const examples = join(import.meta.dirname, "../../examples/class");

it(
  "grade --roster --export canvas: roster.csv and canvas.csv beside an unchanged summary.csv, the figures with their population",
  { timeout: 300_000 },
  () => {
    const classDir = join(scratch, "class");
    mkdirSync(classDir);
    for (const id of ["alice", "bob", "heidi"]) cpSync(join(examples, id), join(classDir, id), { recursive: true });
    const roster = join(scratch, "roster.csv");
    writeFileSync(
      roster,
      "id,name,email,SIS User ID\nalice,Alice A,alice@example.edu,S1\nbob,Bob B,bob@example.edu,S2\nzoe,Zoe Z,zoe@example.edu,S9\n",
    );
    const out = join(scratch, "out");
    const r = spawnSync(
      cliCommand[0],
      [...cliCommand.slice(1), "grade", classDir, "--out", out, "--seed", "5", "--jobs", "1", "--roster", roster, "--export", "canvas"],
      { encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "mean score 63.3%, median 90.0% over all 3 students (0 for a student not graded); over the 2 graded: mean 95.0%, median 95.0%",
    );
    expect(readFileSync(join(out, "class.md"), "utf8")).toContain("Mean score 63.3%, median 90.0% over all 3 students");
    expect(r.stderr).toContain("roster: on the roster but no submission: zoe");
    expect(r.stderr).toContain("roster: a submission but not on the roster: heidi");
    const joined = parse(readFileSync(join(out, "roster.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(joined.map((x) => [x.id, x.name, x.sis_id, x.status, x.points])).toEqual([
      ["alice", "Alice A", "S1", "graded", "100"],
      ["bob", "Bob B", "S2", "graded", "90"],
      ["heidi", "", "", "no-entry-file", "0"],
      ["zoe", "Zoe Z", "S9", "missing", "0"],
    ]);
    const canvas = parse(readFileSync(join(out, "canvas.csv"), "utf8")) as string[][];
    expect(canvas[0]).toEqual(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "gradcheck default (100 points)"]);
    expect(canvas.slice(1)).toEqual([
      ["Points Possible", "", "", "", "", "100"],
      ["Alice A", "", "S1", "", "", "100"],
      ["Bob B", "", "S2", "", "", "90"],
      ["Zoe Z", "", "S9", "", "", "0"],
      ["heidi", "", "", "heidi", "", "0"],
    ]);
    expect(readFileSync(join(out, "summary.csv"), "utf8").split("\r\n")[0]).toBe(
      '"id","status","score","points","maxPoints","test:shape","test:cost","test:cost-regularizer","test:gradient","test:gradient-regularizer","test:deep","test:edge-shapes","test:self-consistency","test:stable-cost","mistakes","seconds"',
    );
  },
);
