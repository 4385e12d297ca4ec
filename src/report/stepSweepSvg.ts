import type { StepSweepEvidence } from "../judge/checkEvidence.ts";
import { okabeIto } from "./chartTheme.ts";
import { vegaSvg, type ChartSpec } from "./vegaSvg.ts";

/** Errors of exactly 0 (a cost whose differences are exact, e.g. on zeroed data) cannot sit on a log axis; they are drawn at this floor. */
const errorFloor = 1e-18;

const series = {
  curve: "central difference: |D_h − R|",
  claimed: "the submission's gradient: |a − R|",
  bound: "error bound of R",
  step: "Richardson's smallest step",
} as const;

/**
 * Error against step for one entry: the central difference of the submission's own J at each
 * step, measured against the Richardson estimate R of the same J. The V — truncation falling
 * as h² to the left, round-off rising as ε/h further left — bottoms out near R's error bound;
 * a gradient entry far above that bottom is wrong, not a finite-difference artefact.
 */
export async function stepSweepSvg(sweep: StepSweepEvidence, name: string): Promise<string> {
  const spec: ChartSpec = {
    title: {
      text: `${sweep.entry.label}: error against step`,
      subtitle: `R = ${sweep.richardson.toPrecision(10)}, the submission's gradient a = ${sweep.claimed.toPrecision(10)}`,
    },
    width: 360,
    height: 240,
    layer: [
      {
        data: { values: differenceCurve(sweep) },
        mark: { type: "line", point: true, tooltip: { content: "data" } },
        encoding: { x, y, color: colour, description: { field: "description" } },
      },
      {
        data: { values: levels(sweep) },
        mark: { type: "rule", strokeDash: [6, 3], strokeWidth: 2 },
        encoding: { y, color: colour, description: { field: "description" } },
      },
      {
        data: {
          values: [
            { step: sweep.chosenStep, what: series.step, description: `Richardson's smallest step ${sweep.chosenStep.toExponential(2)}` },
          ],
        },
        mark: { type: "rule", strokeDash: [2, 2] },
        encoding: { x, color: colour, description: { field: "description" } },
      },
    ],
  };
  return vegaSvg(spec, name);
}

const floor = (x: number) => Math.max(errorFloor, x);

/** The V: |D_h − R| at each step. */
function differenceCurve(sweep: StepSweepEvidence) {
  const R = sweep.richardson;
  return sweep.points.map((p) => ({
    step: p.step,
    error: floor(Math.abs(p.estimate - R)),
    what: series.curve,
    description: `step ${p.step.toExponential(2)}: central difference ${p.estimate}, |D_h − R| = ${Math.abs(p.estimate - R).toExponential(2)}`,
  }));
}

/** The two levels the V is read against: how far the submission's gradient is from R, and R's own error bound. */
function levels(sweep: StepSweepEvidence) {
  const R = sweep.richardson;
  return [
    {
      error: floor(Math.abs(sweep.claimed - R)),
      what: series.claimed,
      description: `${sweep.entry.label}: the submission's gradient ${sweep.claimed}, |a − R| = ${Math.abs(sweep.claimed - R).toExponential(2)}`,
    },
    {
      error: floor(sweep.errorBound),
      what: series.bound,
      description: `Richardson estimate R = ${R} with error bound ${sweep.errorBound.toExponential(2)}`,
    },
  ];
}

const colour = {
  field: "what",
  type: "nominal",
  title: null,
  scale: { domain: Object.values(series), range: [okabeIto.blue, okabeIto.vermillion, okabeIto.green, okabeIto.grey] },
  legend: { orient: "bottom", direction: "vertical", labelLimit: 400 },
};
const x = { field: "step", type: "quantitative", scale: { type: "log" }, title: "step h", axis: { format: ".0e", grid: true } };
const y = { field: "error", type: "quantitative", scale: { type: "log" }, title: "error", axis: { format: ".0e", grid: true } };
