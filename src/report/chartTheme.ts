/**
 * Colours every chart uses. Okabe–Ito's eight colours stay distinct under the common forms of
 * colour blindness; the heatmap's diverging blue–orange scheme does too, and it reads the same
 * in light and dark mode. Text, axes and grid lines are `currentColor`, so an inline SVG
 * follows the page's own colour (and so prefers-color-scheme) without a second rendering.
 */
export const okabeIto = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  grey: "#999999",
} as const;

/** Pass/fail colours, the same in every chart and table. */
export const verdictColour = {
  pass: okabeIto.blue,
  fail: okabeIto.vermillion,
  "not-differentiable": okabeIto.grey,
  undecided: okabeIto.yellow,
} as const;

export const heatmapScheme = "blueorange";

const ink = "currentColor";

/** A Vega-Lite config: transparent background, the page's font and ink. */
export const chartConfig = {
  background: null,
  font: "system-ui, -apple-system, 'Segoe UI', sans-serif",
  view: { stroke: null },
  title: { color: ink, subtitleColor: ink, anchor: "start", fontSize: 13 },
  axis: { domainColor: ink, tickColor: ink, labelColor: ink, titleColor: ink, gridColor: ink, gridOpacity: 0.15 },
  legend: { labelColor: ink, titleColor: ink },
  header: { labelColor: ink, titleColor: ink },
  text: { color: ink },
} as const;
