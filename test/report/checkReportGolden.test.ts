import { describe, expect, it } from "vitest";
import { checkExitCode } from "../../src/report/checkExitCode.ts";
import { checkJson } from "../../src/report/checkJson.ts";
import { checkMarkdown } from "../../src/report/checkMarkdown.ts";
import { renderCheckReport } from "../../src/report/renderCheckReport.ts";
import { checkNnCostFunction } from "../../src/judge/checkNnCostFunction.ts";
import { checkReport, type CheckReport } from "../../src/judge/checkReport.ts";
import { mistakes } from "../../src/mistakes/mistakes.ts";
import { referenceNnCostFunction } from "../../src/mistakes/referenceNnCostFunction.ts";
import type { NnCostFunction } from "../../src/mistakes/NnCostFunction.ts";
import { checkJunit } from "../../src/report/checkJunit.ts";
import { checkGithubAnnotations } from "../../src/report/githubAnnotations.ts";
import { renderCheckHtml } from "../../src/report/renderCheckHtml.ts";

/** Text a submission controls, with the characters every renderer must neutralise. */
const hostile = "boom \x1b[32m✓ passed\x1b[0m <b>|x|</b> # [link](http://e.x) 100%, a:b";

const start = {
  submission: "process python3 nn.py",
  seed: 7,
  warnings: ["no network isolation here"],
  deadline: { ms: 180000, expired: false },
};

/** J off by a constant: a wrong value that no catalogued mistake explains, so the clues speak. */
const offByConstant: NnCostFunction = (params, layerSizes, X, y, lambda) => {
  const r = referenceNnCostFunction(params, layerSizes, X, y, lambda) as { J: number; grad: ArrayLike<number> };
  return { J: r.J + 1e-3, grad: r.grad };
};

/** A gradient one entry short: the call itself is wrong, found on the first fixed case. */
const shortGradient: NnCostFunction = (params, layerSizes, X, y, lambda) => {
  const r = referenceNnCostFunction(params, layerSizes, X, y, lambda) as { J: number; grad: ArrayLike<number> };
  return { J: r.J, grad: Array.from(r.grad).slice(1) };
};

/** Regularisation forgotten on the first fixed case alone: a wrong value the random search never meets again. */
const wrongOnProbe: NnCostFunction = (params, layerSizes, X, y, lambda) =>
  referenceNnCostFunction(params, layerSizes, X, y, X.length === 5 && String(layerSizes) === "3,4,3" ? 0 : lambda);

/** One report per outcome a check can have, each from the path that builds it in use. */
const outcomes: ReadonlyArray<readonly [string, () => Promise<CheckReport>]> = [
  ["passed", () => checkNnCostFunction(referenceNnCostFunction, { seed: 7, runs: 8 })],
  ["failed-diagnosed", () => checkNnCostFunction(mistakes["lambda-not-divided-by-m"], { seed: 7, runs: 20 })],
  ["failed-clues", () => checkNnCostFunction(offByConstant, { seed: 7, runs: 20 })],
  ["probe-failed", () => checkNnCostFunction(shortGradient, { seed: 7, runs: 20 })],
  ["probe-failed-value", () => checkNnCostFunction(wrongOnProbe, { seed: 7, runs: 20 })],
  [
    "could-not-load",
    async () => checkReport(start, { passed: false, stage: "load", runs: 0, problem: "crashed-on-load", message: hostile }),
  ],
  [
    "too-slow",
    async () => {
      const message = "too slow: checked 3 of 100 networks in 180 s (the deadline; --deadline to change it)";
      const deadline = { ms: 180000, expired: true };
      const findings = [{ problem: "too-slow" as const, message }];
      return checkReport({ ...start, deadline }, { passed: false, stage: "search", runs: 3, problem: "too-slow", message, findings });
    },
  ],
];

/**
 * Every renderer of a check report, byte for byte, for every outcome: the terminal text (as the
 * CLI prints it and as the vitest matcher's message), the Markdown and JSON of --report and
 * --json, the JUnit XML, the GitHub annotations, the HTML page and the exit code.
 */
describe("a check report renders the same in every format", () => {
  for (const [name, report] of outcomes) {
    it(
      name,
      async () => {
        const r = await report();
        const replay = `npx gradcheck check sub --seed ${r.seed} --runs 20`;
        const text = renderCheckReport(r, replay);
        const golden = (format: string) => `../fixtures/report/golden/check-${name}.${format}`;
        await expect(`exit ${checkExitCode(r)}\n${text.join("\n")}\n`).toMatchFileSnapshot(golden("txt"));
        const saved = renderCheckReport(r, replay, "out/counterexample.json", "sub dir", "a stated assignment", {
          labels: "1-based",
          layout: "wb",
        });
        await expect(saved.join("\n") + "\n").toMatchFileSnapshot(golden("saved.txt"));
        await expect(checkMarkdown(r, replay, "sub dir")).toMatchFileSnapshot(golden("md"));
        await expect(JSON.stringify(checkJson(r, replay), null, 1) + "\n").toMatchFileSnapshot(golden("json"));
        await expect(checkJunit(r, replay, text, "sub") + "\n").toMatchFileSnapshot(golden("xml"));
        await expect(checkGithubAnnotations(r, replay, "sub").join("\n") + "\n").toMatchFileSnapshot(golden("github"));
        const html = await renderCheckHtml(r, { replay, exitCode: checkExitCode(r) });
        await expect(html).toMatchFileSnapshot(golden("html"));
      },
      60_000,
    );
  }
});
