import { thetaShapes } from "../../network/theta.ts";
import type { Clue } from "./Clue.ts";
import { allNear, type Evidence } from "./Evidence.ts";

/**
 * Layouts a submission may unroll its D⁽ˡ⁾ in instead of row-major with the bias column first.
 * Each maps the expected unrolled gradient to the one that layout would produce.
 */
const layouts: ReadonlyArray<{ readonly name: string; readonly unroll: (g: Float64Array, layerSizes: readonly number[]) => Float64Array }> =
  [
    {
      name: "each D⁽ˡ⁾ unrolled column-major (Octave's D(:)) instead of row-major",
      unroll: (g, s) => perLayer(g, s, (r, c, rows) => c * rows + r),
    },
    {
      name: "the bias column last in each row instead of first",
      unroll: (g, s) => perLayer(g, s, (r, c, _rows, cols) => r * cols + (c === 0 ? cols - 1 : c - 1)),
    },
    {
      name: "column-major with the bias column last",
      unroll: (g, s) => perLayer(g, s, (r, c, rows, cols) => (c === 0 ? cols - 1 : c - 1) * rows + r),
    },
    { name: "the layers in reverse order", unroll: (g, s) => reversedLayers(g, s) },
    {
      // with the wb layout: dW returned flat as out × in (δᵀ·a) where W is in × out
      name: "each layer's dW laid out out × in (transposed) in the wb layout, where W and dW are in × out",
      unroll: (g, s) =>
        perLayer(g, s, (r, c, rows, cols) => {
          if (c === 0) return r * cols;
          const p = r * (cols - 1) + c - 1;
          return (p % rows) * cols + Math.floor(p / rows) + 1;
        }),
    },
  ];

/** ∇J holds the expected numbers, in another order: a known layout when one fits every case. */
export function gradientLayout(e: Evidence): Clue | undefined {
  if (!e.samples.every((s) => allNear(sorted(s.got.grad), sorted(s.expected.grad), 1e-7))) return undefined;
  if (e.samples.every((s) => allNear(s.got.grad, s.expected.grad, 1e-7))) return undefined;
  for (const layout of layouts) {
    if (e.samples.every((s) => allNear(s.got.grad, layout.unroll(s.expected.grad, s.c.layerSizes), 1e-7))) {
      return { id: "gradient-layout", message: `∇J holds exactly the expected values, laid out with ${layout.name}` };
    }
  }
  return {
    id: "gradient-layout",
    message: "∇J holds exactly the expected values, in another order: unroll every D⁽ˡ⁾ row-major, bias column first, Θ⁽¹⁾ first",
  };
}

function sorted(x: Float64Array): Float64Array {
  return x.slice().sort();
}

/** Moves entry (r, c) of each row-major layer to position `to(r, c)` within that layer. */
function perLayer(
  g: Float64Array,
  layerSizes: readonly number[],
  to: (r: number, c: number, rows: number, cols: number) => number,
): Float64Array {
  const out = new Float64Array(g.length);
  let at = 0;
  for (const [rows, cols] of thetaShapes(layerSizes)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[at + to(r, c, rows, cols)] = g[at + r * cols + c];
    at += rows * cols;
  }
  return out;
}

function reversedLayers(g: Float64Array, layerSizes: readonly number[]): Float64Array {
  const parts: Float64Array[] = [];
  let at = 0;
  for (const [rows, cols] of thetaShapes(layerSizes)) {
    parts.push(g.subarray(at, at + rows * cols));
    at += rows * cols;
  }
  const out = new Float64Array(g.length);
  let to = 0;
  for (const p of parts.reverse()) {
    out.set(p, to);
    to += p.length;
  }
  return out;
}
