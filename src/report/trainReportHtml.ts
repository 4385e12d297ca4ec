import { imageSide } from "../train/Digits.ts";
import type { TrainFigures } from "../train/trainFigures.ts";
import { escapeHtml as escape } from "./untrustedText.ts";
import { grayPngDataUri, weightsAsGray } from "./grayPng.ts";
import { htmlPage } from "./htmlPage.ts";

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * One self-contained page: the cost history (an SVG drawn beforehand), accuracy, the checks,
 * the confusion matrix, misclassified test digits and the hidden units' weights, every image
 * inline as a PNG data URI, so the file can be mailed or archived alone.
 */
export function trainReportHtml(f: TrainFigures, costSvg: string): string {
  const sizes = f.layerSizes.join("-");
  // The page's own few styles: the shared page allows inline styles and data: images, nothing else.
  return htmlPage(
    `gradcheck train — ${sizes}`,
    `<style>
.confusion td.diag { background: rgba(0, 114, 178, .18); } .confusion td.off { background: rgba(213, 94, 0, .15); }
.confusion td, .confusion th { text-align: right; font-variant-numeric: tabular-nums; }
.grid { display: flex; flex-wrap: wrap; gap: 6px; } .grid figure { text-align: center; font-size: 12px; }
.grid img { image-rendering: pixelated; border: 1px solid var(--rule); }
</style>
<h1>gradcheck train: a ${sizes} network on handwritten digits</h1>
<p>λ = ${f.lambda}, α = ${f.rate}, ${f.steps} of ${f.iterations} iterations of batch gradient descent, seed ${f.seed}, ${f.trainingSeconds.toFixed(1)} s of training.
Training accuracy <b>${percent(f.trainAccuracy)}</b>, test accuracy <b>${percent(f.testAccuracy)}</b>.</p>
${slideComparison(f)}
<h2>Cost history</h2>
${costSvg}
<h2>The gradient, checked while training</h2>
<p>At each checkpoint the gradient training follows is compared on a sample of the training digits with the autodiff tape (every entry), finite differences (random entries) and along random directions.</p>
<table><tr><th>iteration</th><th>vs tape</th><th>vs finite differences</th><th>directional</th><th>worst relative error</th></tr>
${checkRows(f)}</table>
<h2>Confusion matrix, test set</h2>
${confusionTable(f.confusion.test)}
<h2>Misclassified test digits</h2>
<p>True digit → the network's answer.</p>
<div class="grid">${misclassifiedDigits(f)}</div>
<h2>What the hidden units look for</h2>
<p>Each hidden unit's 784 weights (Θ⁽¹⁾ row i without its bias) drawn as a 28×28 image: dark where a pixel's ink excites the unit, light where it inhibits it.</p>
<div class="grid">${hiddenUnits(f)}</div>
`,
  );
}

/** A digit or a unit's weights as a small inline PNG, titled for screen readers and tooltips. */
function img(values: ArrayLike<number>, title: string): string {
  return `<img width="56" height="56" src="${grayPngDataUri(values, imageSide, imageSide)}" alt="${escape(title)}" title="${escape(title)}">`;
}

/** The slide's D = (1/m)Δ + λΘ against the corrected one, when that run was trained too. */
function slideComparison(f: TrainFigures): string {
  return f.slide
    ? `<p>The same run with the slide's D = (1/m)Δ + λΘ: test accuracy <b>${percent(f.slide.testAccuracy)}</b> (training ${percent(f.slide.trainAccuracy)}) against <b>${percent(f.testAccuracy)}</b> with D = (1/m)Δ + (λ/m)Θ.</p>`
    : "";
}

function checkRows(f: TrainFigures): string {
  return f.checks
    .map(
      (c) =>
        `<tr><td>${c.iteration}</td><td>${c.tape ? "pass" : "FAIL"}</td><td>${c.fd ? "pass" : "FAIL"}</td><td>${c.directional ? "pass" : "FAIL"}</td><td>${c.worstRelError.toExponential(1)}</td></tr>`,
    )
    .join("\n");
}

/** True digit down, predicted across: the diagonal is right, everything off it a mistake. */
function confusionTable(counts: number[][]): string {
  return (
    `<table class="confusion"><tr><th>true \\ predicted</th>${counts.map((_, k) => `<th>${k}</th>`).join("")}</tr>\n` +
    counts
      .map(
        (row, k) => `<tr><th>${k}</th>${row.map((n, j) => `<td class="${j === k ? "diag" : n > 0 ? "off" : ""}">${n}</td>`).join("")}</tr>`,
      )
      .join("\n") +
    "</table>"
  );
}

function misclassifiedDigits(f: TrainFigures): string {
  return f.misclassified
    .map(
      (d) =>
        `<figure>${img(d.pixels, `test digit ${d.index}: a ${d.label}, read as ${d.predicted}`)}<figcaption>${d.label} → ${d.predicted}</figcaption></figure>`,
    )
    .join("\n");
}

function hiddenUnits(f: TrainFigures): string {
  return f.hiddenWeights
    .map((w, i) => `<figure>${img(weightsAsGray(w), `hidden unit ${i + 1}`)}<figcaption>${i + 1}</figcaption></figure>`)
    .join("\n");
}
