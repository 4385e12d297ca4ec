import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { compareGradients } from "../../src/check/index.ts";
import { loopBackprop, slideD } from "../../src/backprop/loop.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { tourReportHtml } from "../../src/cli/tour.ts";
import { checkNetworkGradient, thetaLocate } from "../../src/fdnet/index.ts";
import { checkImplementation } from "../../src/judge/checkImplementation.ts";
import { evidenceFor } from "../../src/judge/checkEvidence.ts";
import { mistakes } from "../../src/mistakes/index.ts";
import { unroll } from "../../src/network/theta.ts";
import { renderCheckHtml } from "../../src/report/renderCheckHtml.ts";
import { renderClassHtml } from "../../src/report/renderClassHtml.ts";
import { renderHtml } from "../../src/index.ts";
import { inProcessImplementation } from "../../src/sandbox/inProcessImplementation.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";
import { chromiumPath, launchBrowser, openReport, screenshot, screenshotDir, type OpenedPage } from "../helpers/browser.ts";
import { classSummary, hostileId } from "../fixtures/classSummaryFixture.ts";

const itBrowser = itWith(systemFile("chromium", chromiumPath));
const slow = 180_000;

function writeReport(name: string, html: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.html`);
  writeFileSync(file, html);
  return file;
}

interface Cell {
  readonly label: string;
  readonly unit: number;
  readonly column: number;
  readonly fill: string;
}

/** The heatmap cells of one chart as the browser rendered them: the entry each names and its fill. */
async function heatmapCells(opened: OpenedPage, chart: string): Promise<Cell[]> {
  const raw = await opened.page.$$eval(`svg[data-chart="${chart}"] path[aria-label*="|a − n| / tolerance"]`, (paths) =>
    paths.map((p) => ({ label: p.getAttribute("aria-label")!, fill: getComputedStyle(p).fill })),
  );
  return raw.map((c) => {
    const m = /\[(\d+),(\d+)\]/.exec(c.label)!;
    return { ...c, unit: Number(m[1]), column: Number(m[2]) };
  });
}

/** Lit = drawn in the scheme's orange half (above the tolerance): more red than blue. */
function lit(fill: string): boolean {
  const [r, , b] = fill.match(/\d+(\.\d+)?/g)!.map(Number);
  return r! > b!;
}

async function expectClean(opened: OpenedPage): Promise<void> {
  expect(opened.errors, "console errors").toEqual([]);
  expect(opened.requests, "network requests").toEqual([]);
  expect(await opened.page.locator("script, iframe, img, object, embed").count(), "active or fetching elements").toBe(0);
}

describe("HTML reports in headless Chromium", () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    if (systemFile("chromium", chromiumPath).available) browser = await launchBrowser();
  }, slow);
  afterAll(async () => browser?.close());

  itBrowser(
    "renderHtml: a planted bias-column bug in Θ⁽²⁾ lights exactly that column, and nothing in Θ⁽¹⁾",
    async () => {
      const c = referenceCases().find((k) => k.name === "small-001")!;
      const reference = unroll(batchBackprop(c, c.theta).grad);
      const locate = thetaLocate(c.layerSizes);
      const planted = reference.map((g, p) => (locate(p).layer === 1 && locate(p).column === 0 ? g + 1e-3 : g));
      const comparison = compareGradients(
        planted,
        { estimate: reference, errorBound: new Float64Array(reference.length) },
        { locate, tolerance: { safety: 0, rtol: 1e-7, atol: 1e-9 } },
      );
      const file = writeReport(
        "comparison",
        await renderHtml(comparison, { title: "A planted bias-column bug", labels: { a: "planted", n: "backprop" } }),
      );
      const opened = await openReport(browser!.context, file);
      await expectClean(opened);
      const layer1 = await heatmapCells(opened, "comparison-heatmap-layer1");
      const layer2 = await heatmapCells(opened, "comparison-heatmap-layer2");
      expect(layer1).toHaveLength(c.theta[0]!.data.length);
      expect(layer2).toHaveLength(c.theta[1]!.data.length);
      expect(layer1.filter((x) => lit(x.fill))).toEqual([]);
      expect(layer2.filter((x) => lit(x.fill)).map((x) => x.column)).toEqual(Array(c.theta[1]!.rows).fill(0));
      expect(layer2.filter((x) => !lit(x.fill)).every((x) => x.column > 0)).toBe(true);
      expect(await opened.page.locator('svg[data-chart="comparison-scatter"] path[aria-label^="Θ"]').count()).toBe(reference.length);
      await screenshot(opened.page, "comparison");
      await opened.page.close();
    },
    slow,
  );

  itBrowser(
    "the tour's page: the slide's λΘ lights every weight of both layers and no bias entry",
    async () => {
      const c = referenceCases().find((k) => k.name === "ex4-debug-lambda3")!;
      const slide = checkNetworkGradient(c, c.theta, loopBackprop(c, c.theta, slideD).grad);
      const opened = await openReport(browser!.context, writeReport("tour", await tourReportHtml(slide, c.name)));
      await expectClean(opened);
      const cells = [
        ...(await heatmapCells(opened, "comparison-heatmap-layer1")),
        ...(await heatmapCells(opened, "comparison-heatmap-layer2")),
      ];
      expect(cells).toHaveLength(slide.entries);
      expect(cells.filter((x) => lit(x.fill)).length).toBe(slide.failed);
      expect(cells.filter((x) => x.column > 0).every((x) => lit(x.fill))).toBe(true);
      expect(cells.filter((x) => x.column === 0).some((x) => lit(x.fill))).toBe(false);
      await screenshot(opened.page, "tour");
      await opened.page.close();
    },
    slow,
  );

  itBrowser(
    "check report: the slide's λΘ lights weights only, in (a) and (b); scatter and V curves drawn; no errors, no requests",
    async () => {
      const implementation = inProcessImplementation(mistakes["lambda-not-divided-by-m"], "the slide's D = (1/m)Δ + λΘ");
      const report = await checkImplementation(implementation, { runs: 30 });
      expect(report.mistakes).toContain("lambda-not-divided-by-m");
      const evidence = await evidenceFor(report, implementation);
      if ("error" in evidence) throw new Error(evidence.error);
      const file = writeReport(
        "check",
        await renderCheckHtml(report, { replay: "gradcheck check SLIDE --seed 20240601 --runs 30", exitCode: 1, evidence }),
      );
      for (const scheme of ["light", "dark"] as const) {
        const opened = await openReport(browser!.context, file, scheme);
        await expectClean(opened);
        for (const check of ["a", "b"]) {
          const cells = (
            await Promise.all(evidence.layerSizes.slice(1).map((_, l) => heatmapCells(opened, `check-${check}-heatmap-layer${l + 1}`)))
          ).flat();
          expect(cells.length).toBe(evidence.a.entries);
          const on = cells.filter((x) => lit(x.fill));
          expect(on.length, `check (${check}) lights something`).toBeGreaterThan(0);
          expect(
            on.every((x) => x.column > 0),
            `check (${check}) lights no bias entry`,
          ).toBe(true);
        }
        expect(await opened.page.locator('svg[data-chart="check-a-scatter"] path[aria-label^="Θ"]').count()).toBe(evidence.a.entries);
        expect(evidence.sweeps.length).toBeGreaterThan(0);
        for (let k = 0; k < evidence.sweeps.length; k++) {
          expect(await opened.page.locator(`svg[data-chart="sweep-${k}"] g.mark-symbol path[aria-label^="step"]`).count()).toBe(10);
        }
        const calls = evidence.calls.answer + evidence.calls.entryByEntry + evidence.calls.sweeps;
        expect(await opened.page.textContent("body")).toContain(`called the submission ${calls} more times`);
        expect(evidence.calls.sweeps).toBeLessThanOrEqual(48);
        await screenshot(opened.page, `check-${scheme}`);
        await opened.page.close();
      }
    },
    slow,
  );

  itBrowser(
    "class overview: bars link to their students, hostile text stays text, dark mode and print work",
    async () => {
      const file = writeReport("class", await renderClassHtml(classSummary));
      const opened = await openReport(browser!.context, file);
      await expectClean(opened);
      const { page } = opened;
      const histogram = page.locator('svg[data-chart="score-histogram"] a');
      expect(await histogram.count()).toBe(10);
      const bars = page.locator('svg[data-chart="mistake-bars"] a');
      expect(await bars.count()).toBe(4);
      // Every bar's link lands on an element that names exactly the students behind the bar.
      const mistakeBar = page.locator('svg[data-chart="mistake-bars"] a:has(path[aria-label^="lambda-not-divided-by-m"])');
      const href = (await mistakeBar.getAttribute("xlink:href")) ?? (await mistakeBar.getAttribute("href"));
      await mistakeBar.click();
      expect(await page.evaluate(() => location.hash)).toBe(href);
      const target = page.locator(`[id="${href!.slice(1)}"] + p + p`);
      expect((await target.textContent())!.trim()).toBe("bob, dave");
      for (const a of await histogram.all()) {
        const h = (await a.getAttribute("xlink:href")) ?? (await a.getAttribute("href"));
        expect(await page.locator(`[id="${h!.slice(1)}"]`).count()).toBe(1);
      }
      expect(await page.locator("h3", { hasText: hostileId }).count()).toBe(1);
      const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await screenshot(page, "class-light");
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(light).toBe("rgb(255, 255, 255)");
      expect(dark).not.toBe(light);
      const axisInk = await page.$eval('svg[data-chart="score-histogram"] text', (t) => getComputedStyle(t).fill);
      expect(axisInk).toBe(await page.evaluate(() => getComputedStyle(document.body).color));
      await screenshot(page, "class-dark");
      await page.emulateMedia({ media: "print", colorScheme: "light" });
      const pdf = await page.pdf({ path: join(screenshotDir, "class.pdf") });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.close();
    },
    slow,
  );
});
