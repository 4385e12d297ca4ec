import { tmpdir } from "node:os";
import { expect, it } from "vitest";
import { packageRoot } from "../../src/data/packageRoot.ts";
import { relativeToStudent } from "../../src/grade/relativeToStudent.ts";

const student = "/srv/course/ex4/alice";

it.each([
  [`${student}/nnCostFunction.mjs:3`, "nnCostFunction.mjs:3"],
  [`at f (file://${student}/lib/util.mjs:9:2)`, "at f (lib/util.mjs:9:2)"],
  [`${student}: no submission entry found`, "your folder: no submission entry found"],
  [`${tmpdir()}/gradcheck-staging-Ab12/submission/nn.py", line 4`, `nn.py", line 4`],
  [`File "/submission/nn.py", line 4`, `File "nn.py", line 4`],
  [`at file://${packageRoot()}/dist/src/sandbox/moduleHarness.mjs:10`, "at gradcheck/dist/src/sandbox/moduleHarness.mjs:10"],
])("%s → %s", (text, relative) => {
  expect(relativeToStudent(text, student)).toBe(relative);
});

it("leaves a longer path that merely contains /submission/ or the folder's name alone", () => {
  expect(relativeToStudent("/data/submission/x and /srv/course/ex4/alice2/y", student)).toBe(
    "/data/submission/x and /srv/course/ex4/alice2/y",
  );
});
