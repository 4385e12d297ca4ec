import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { builtinRubrics } from "../../src/grade/builtinRubrics.ts";
import { gradeClass } from "../../src/grade/gradeClass.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const root = new URL("../../", import.meta.url).pathname;
const octave = systemFile("octave", "/usr/bin/octave-cli");
const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

/** A class of the given students (id → folder under the project), graded with a built-in rubric. */
async function grade(rubric: string, students: Record<string, string>, seed: number) {
  const dir = tempFolder("builtin-rubric");
  for (const [id, from] of Object.entries(students)) {
    mkdirSync(join(dir, "class", id), { recursive: true });
    cpSync(join(root, from), join(dir, "class", id), { recursive: true });
  }
  const run = await gradeClass({
    classDir: join(dir, "class"),
    outDir: join(dir, "out"),
    rubric: builtinRubrics[rubric],
    seed,
    drawSeed: () => seed,
    jobs: 2,
    callTimeoutMs: 5000,
    resume: false,
  });
  if (!run.ok) throw new Error("the class could not be graded");
  return Object.fromEntries(run.students.map(({ result: r }) => [r.id, { status: r.status, points: r.points, mistakes: r.mistakes }]));
}

describe("grade --rubric PROFILE: correct course code earns every point", () => {
  for (const seed of [1, 2]) {
    itWith(octave)(
      `ex4: Octave and Python solutions 100/100, a regularised bias loses points and is named (seed ${seed})`,
      async () => {
        const got = await grade(
          "ex4",
          {
            octave: "examples/ex4-octave",
            python: "examples/ex4-python",
            bias: "test/fixtures/ex4/octave-regularized-bias",
            parse: "test/fixtures/ex4/octave-parse-error",
          },
          seed,
        );
        expect(got.octave).toEqual({ status: "graded", points: 100, mistakes: [] });
        expect(got.python).toEqual({ status: "graded", points: 100, mistakes: [] });
        expect(got.bias).toMatchObject({ status: "graded", mistakes: ["regularized-bias"] });
        expect(got.bias.points).toBeLessThan(100);
        expect(got.parse).toMatchObject({ status: "cannot-load", points: 0 });
      },
      600_000,
    );

    itWith(numpy)(
      `cs231n-two-layer and cs231n-fc-net: the course's classes 100/100, their buggy twins less (seed ${seed})`,
      async () => {
        const two = await grade("cs231n-two-layer", { good: "examples/cs231n-two-layer", bad: "examples/cs231n-two-layer-buggy" }, seed);
        expect(two.good).toEqual({ status: "graded", points: 100, mistakes: [] });
        expect(two.bad.points).toBeLessThan(100);
        const fc = await grade("cs231n-fc-net", { good: "examples/cs231n-fc-net", bad: "examples/cs231n-fc-net-buggy" }, seed);
        expect(fc.good).toEqual({ status: "graded", points: 100, mistakes: [] });
        expect(fc.bad).toMatchObject({ status: "graded", mistakes: ["missing-activation-derivative"] });
      },
      600_000,
    );

    itWith(numpy)(
      `dlai-step and dlai-regularization: correct notebooks 100/100, their buggy twins less (seed ${seed})`,
      async () => {
        const step = await grade("dlai-step", { good: "examples/dlai-step", bad: "examples/dlai-step-buggy" }, seed);
        expect(step.good).toEqual({ status: "graded", points: 100, mistakes: [] });
        expect(step.bad.points).toBeLessThan(100);
        const reg = await grade(
          "dlai-regularization",
          { good: "examples/dlai-regularization", bad: "examples/dlai-regularization-buggy" },
          seed,
        );
        expect(reg.good).toEqual({ status: "graded", points: 100, mistakes: [] });
        expect(reg.bad.points).toBeLessThan(100);
      },
      600_000,
    );
  }
});
