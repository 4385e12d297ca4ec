import type { FdMethod, RichardsonMethod, StencilMethod } from "./FdMethod.ts";
import type { Estimate } from "./Estimate.ts";
import type { Increments } from "./Increments.ts";
import { powerOfTwoBelow, stepFor } from "./stepFor.ts";

/**
 * ∂f/∂x_i by one method, with its error bound:
 *
 * - a stencil at the step of `stepFor`: bound = Σ|c_k|·ε_f/h (round-off) + |C|·h^q·M with the
 *   a-priori M of `stepFor` (truncation);
 * - Richardson: the tableau entry with the smallest a-posteriori error
 *   max(|T_kj − T_k,j−1|, |T_kj − T_k−1,j−1|) (Ridders), plus the round-off of that entry
 *   propagated through the extrapolation weights.
 *
 * Levels whose perturbation crosses a kink are dropped; if even the smallest step crosses one,
 * the entry is a kink: the estimate is the central difference there and the bound is half the
 * jump between the one-sided slopes.
 */
export function estimateEntry(method: FdMethod, inc: Increments, i: number): Estimate {
  return method.kind === "stencil" ? stencilEstimate(method, inc, i) : richardsonEstimate(method, inc, i);
}

function relativeAccuracy(inc: Increments): number {
  return Math.max(inc.accuracy / Math.max(Math.abs(inc.f0), Number.MIN_VALUE), Number.EPSILON);
}

function nonZeroGrid(s: StencilMethod): { grid: number[]; coefs: number[] } {
  const grid: number[] = [],
    coefs: number[] = [];
  s.grid.forEach((g, k) => {
    if (g !== 0) {
      grid.push(g);
      coefs.push(s.coefs[k]);
    }
  });
  return { grid, coefs };
}

function stencilEstimate(s: StencilMethod, inc: Increments, i: number): Estimate {
  const xi = inc.coordinate(i);
  const h = stepFor(s, xi, relativeAccuracy(inc));
  const { grid, coefs } = nonZeroGrid(s);
  const offsets = Float64Array.from(grid, (g) => g * h);
  const out = new Float64Array(grid.length),
    kinks = new Uint8Array(grid.length);
  const accuracy = inc.increments(i, offsets, out, kinks) ?? inc.accuracy;
  let d = 0,
    sumAbs = 0;
  for (let k = 0; k < grid.length; k++) {
    d += coefs[k] * out[k];
    sumAbs += Math.abs(coefs[k]);
  }
  d /= h;
  const kink = kinks.some((b) => b === 1);
  const scale = Math.max(1, Math.abs(xi));
  const M = Math.max(Math.abs(inc.f0), inc.accuracy / Number.EPSILON) / scale ** (s.order + 1);
  const errorBound = (sumAbs * accuracy) / h + Math.abs(s.truncationConstant) * h ** s.order * M;
  return { estimate: d, errorBound: kink ? Math.max(errorBound, oneSidedHalfJump(grid, out, h)) : errorBound, step: h, kink };
}

/** Half the difference between the forward and backward slopes from the nearest points. */
function oneSidedHalfJump(grid: number[], out: Float64Array, h: number): number {
  const p = grid.indexOf(1),
    m = grid.indexOf(-1);
  if (p < 0 || m < 0) return Infinity;
  return Math.abs(out[p] + out[m]) / (2 * h);
}

function richardsonEstimate(r: RichardsonMethod, inc: Increments, i: number): Estimate {
  const plan = planOf(r);
  // Scratch arrays are the plan's, reused entry after entry; a nested estimate (f itself
  // differentiating by finite differences with the same method) gets its own.
  const w = plan.free ?? scratchFor(plan);
  plan.free = null;
  try {
    return richardsonWith(r, plan, w, inc, i);
  } finally {
    plan.free = w;
  }
}

function richardsonWith(r: RichardsonMethod, plan: Plan, w: Scratch, inc: Increments, i: number): Estimate {
  const xi = inc.coordinate(i);
  const h0 = powerOfTwoBelow(r.largestStep * Math.max(1, Math.abs(xi)));
  for (let k = 0; k < r.levels; k++) w.steps[k] = h0 / r.ratio ** k;
  const {
    result: e,
    cleanLevels,
    levels,
  } = r.target === undefined ? tableau(plan, w, inc, i, 0, r.levels, r.ratio) : adaptiveTableau(r, r.target, plan, w, inc, i);
  if (cleanLevels === levels && (levels <= 3 || e.errorBound <= 1e-9 * Math.max(1, Math.abs(e.estimate)))) return e;
  // A kink within the large steps (or a wild function): try again just above the
  // round-off-optimal step, where a kink has to be much closer to x to matter.
  const hs = 4 * stepFor(r.base, xi, relativeAccuracy(inc));
  w.steps[0] = hs;
  w.steps[1] = hs / 2;
  w.steps[2] = hs / 4;
  const second = tableau(plan, w, inc, i, 0, 3, 2);
  if (second.result.kink) return second.result;
  return second.cleanLevels >= 2 && second.result.errorBound < e.errorBound ? second.result : e;
}

/**
 * The tableau over as few of the method's levels as its target allows: three levels first,
 * then one more at a time, stopping once every level so far is clean and the bound is within
 * target·max(1, |estimate|), or no longer halves with the new level. The levels are the
 * method's own steps and the accuracy the largest any call reported, so stopping after n
 * levels gives exactly the estimate and bound of the same method fixed at n levels.
 */
function adaptiveTableau(r: RichardsonMethod, target: number, plan: Plan, w: Scratch, inc: Increments, i: number): Tableau {
  let t = tableau(plan, w, inc, i, 0, Math.min(3, r.levels), r.ratio);
  while (t.levels < r.levels) {
    const clean = t.cleanLevels === t.levels;
    if (clean && t.result.errorBound <= target * Math.max(1, Math.abs(t.result.estimate))) break;
    const next = tableau(plan, w, inc, i, t.levels, t.levels + 1, r.ratio);
    const improving = next.result.errorBound < t.result.errorBound / 2;
    t = next;
    if (clean && next.cleanLevels === next.levels && !improving) break;
  }
  return t;
}

/** What a Richardson method's every entry shares: its stencil's nonzero grid, worked out once. */
interface Plan {
  readonly base: StencilMethod;
  readonly grid: readonly number[];
  readonly coefs: readonly number[];
  readonly sumAbs: number;
  /** grid points per level */
  readonly G: number;
  /** positions of +1 and −1 in the grid (−1 when absent) */
  readonly p: number;
  readonly m: number;
  /** levels the scratch must hold: the method's, or the 3 of the retry */
  readonly levels: number;
  free: Scratch | null;
}

/** f(x ± g·h_k) − f(x) at every level, and the stencil's derivative and round-off per level. */
interface Scratch {
  readonly steps: Float64Array;
  readonly offsets: Float64Array;
  readonly out: Float64Array;
  readonly kinks: Uint8Array;
  /** D[k]: the stencil's derivative at steps[k]; rho[k]: its round-off bound */
  readonly D: Float64Array;
  readonly rho: Float64Array;
  /** two columns of the Neville tableau and of their round-off */
  readonly T: [Float64Array, Float64Array];
  readonly R: [Float64Array, Float64Array];
  /** levels before this one saw a kink reported by the function itself */
  firstReportedClean: number;
  accuracy: number;
  /** views of offsets, out and kinks by level range, made on first use */
  readonly views: Views[];
}

interface Views {
  readonly offsets: Float64Array;
  readonly out: Float64Array;
  readonly kinks: Uint8Array;
}

const plans = new WeakMap<RichardsonMethod, Plan>();

function planOf(r: RichardsonMethod): Plan {
  let plan = plans.get(r);
  if (!plan) {
    const { grid, coefs } = nonZeroGrid(r.base);
    let sumAbs = 0;
    for (const c of coefs) sumAbs += Math.abs(c);
    plan = {
      base: r.base,
      grid,
      coefs,
      sumAbs,
      G: grid.length,
      p: grid.indexOf(1),
      m: grid.indexOf(-1),
      levels: Math.max(r.levels, 3),
      free: null,
    };
    plan.free = scratchFor(plan);
    plans.set(r, plan);
  }
  return plan;
}

function scratchFor(plan: Plan): Scratch {
  const n = plan.levels,
    nG = n * plan.G;
  return {
    steps: new Float64Array(n),
    offsets: new Float64Array(nG),
    out: new Float64Array(nG),
    kinks: new Uint8Array(nG),
    D: new Float64Array(n),
    rho: new Float64Array(n),
    T: [new Float64Array(n), new Float64Array(n)],
    R: [new Float64Array(n), new Float64Array(n)],
    firstReportedClean: 0,
    accuracy: 0,
    views: [],
  };
}

/**
 * A level's second difference s(h) must exceed its round-off by this factor before its
 * shape is trusted: 64 is 2⁶, six bits of margin over the bound 2·accuracy/h, enough that
 * cancellation in f(x+h) + f(x−h) − 2f(x) never passes for curvature.
 */
const SECOND_DIFFERENCE_NOISE_FACTOR = 64;
/**
 * For smooth f, s(h) ≈ f''·h halves with h; at the smallest level a kink keeps s(h) from
 * shrinking. Above 3/4 of the next larger level's s (halfway between "halved" and "unchanged",
 * rounded up for the h² term) the smallest level is taken to straddle a kink.
 */
const KINK_SHRINK_RATIO = 0.75;
/**
 * Between two larger levels, s(h_k) should equal (h_k/h_{k+1})·s(h_{k+1}) up to the next term
 * of the expansion; a mismatch above 10 % of s is more than that term can explain at the step
 * ratios used (2 to 4), so the level saw a kink.
 */
const KINK_ANOMALY_TOLERANCE = 0.1;

interface Tableau {
  readonly result: Estimate;
  /** levels evaluated, and how many of the smallest steps are free of kinks */
  readonly levels: number;
  readonly cleanLevels: number;
}

/**
 * One Richardson tableau over the first n steps of the scratch (largest first); levels before
 * `from` are already in the scratch, evaluated by an earlier call for the same entry.
 */
function tableau(plan: Plan, w: Scratch, inc: Increments, i: number, from: number, n: number, ratio: number): Tableau {
  const { base, p, m, G } = plan;
  evaluateLevels(plan, w, inc, i, from, n);
  const firstClean = base.symmetric && p >= 0 && m >= 0 ? firstCleanBySecondDifference(w, n, G, p, m) : w.firstReportedClean;
  const cleanLevels = n - firstClean;
  const hLast = w.steps[n - 1];
  if (cleanLevels === 0) {
    const halfJump = p >= 0 && m >= 0 ? Math.abs(w.out[(n - 1) * G + p] + w.out[(n - 1) * G + m]) / (2 * hLast) : Infinity;
    return {
      result: { estimate: w.D[n - 1], errorBound: Math.max(halfJump, w.rho[n - 1]), step: hLast, kink: true },
      levels: n,
      cleanLevels,
    };
  }
  if (cleanLevels === 1) {
    const M = Math.max(Math.abs(inc.f0), inc.accuracy / Number.EPSILON) / Math.max(1, Math.abs(inc.coordinate(i))) ** (base.order + 1);
    const errorBound = w.rho[n - 1] + Math.abs(base.truncationConstant) * hLast ** base.order * M;
    return { result: { estimate: w.D[n - 1], errorBound, step: hLast, kink: false }, levels: n, cleanLevels };
  }
  const { estimate, errorBound } = neville(base, w, firstClean, n, ratio);
  return { result: { estimate, errorBound, step: hLast, kink: false }, levels: n, cleanLevels };
}

/**
 * Increments for levels from..n−1, then every level's derivative and round-off. The accuracy
 * is the largest reported for any of the levels, so the round-off of all of them is recomputed
 * when a later call reports a larger one.
 */
function evaluateLevels(plan: Plan, w: Scratch, inc: Increments, i: number, from: number, n: number): void {
  const { grid, coefs, G, sumAbs } = plan;
  const { offsets, out, kinks } = viewsOf(w, from, n, G);
  for (let k = from; k < n; k++) for (let g = 0; g < G; g++) offsets[(k - from) * G + g] = grid[g] * w.steps[k];
  out.fill(0);
  kinks.fill(0);
  const reported = inc.increments(i, offsets, out, kinks) ?? inc.accuracy;
  const accuracy = from === 0 ? reported : Math.max(w.accuracy, reported);
  let firstReportedClean = from === 0 ? 0 : w.firstReportedClean;
  for (let k = from; k < n; k++) {
    let d = 0,
      kinked = false;
    for (let g = 0; g < G; g++) {
      d += coefs[g] * w.out[k * G + g];
      if (w.kinks[k * G + g]) kinked = true;
    }
    w.D[k] = d / w.steps[k];
    if (kinked) firstReportedClean = k + 1;
  }
  for (let k = 0; k < n; k++) w.rho[k] = (sumAbs * accuracy) / w.steps[k];
  w.firstReportedClean = firstReportedClean;
  w.accuracy = accuracy;
}

/** Levels from..n−1 of the scratch's offsets, out and kinks, as views made once and kept. */
function viewsOf(w: Scratch, from: number, n: number, G: number): Views {
  const key = from * (w.steps.length + 1) + n;
  return (w.views[key] ??= {
    offsets: w.offsets.subarray(from * G, n * G),
    out: w.out.subarray(from * G, n * G),
    kinks: w.kinks.subarray(from * G, n * G),
  });
}

/**
 * A plain function cannot say where its kinks are; one shows in the second difference
 * s(h) = (f(x+h) + f(x−h) − 2f(x)) / h, which for smooth f is ≈ f''·h and so halves with h.
 * A level whose s is not about twice the next one's (beyond round-off) saw a kink.
 */
function firstCleanBySecondDifference(w: Scratch, n: number, G: number, p: number, m: number): number {
  let firstClean = w.firstReportedClean;
  const smallest = n - 1;
  if (
    smallest >= 1 &&
    Math.abs(secondDifference(w, smallest, G, p, m)) >
      Math.max(KINK_SHRINK_RATIO * Math.abs(secondDifference(w, smallest - 1, G, p, m)), noise(w, smallest))
  )
    firstClean = n;
  for (let k = n - 2; k >= firstClean; k--) {
    const sk = secondDifference(w, k, G, p, m);
    const anomaly = Math.abs(sk - (w.steps[k] / w.steps[k + 1]) * secondDifference(w, k + 1, G, p, m));
    if (anomaly > KINK_ANOMALY_TOLERANCE * Math.abs(sk) + noise(w, k)) return k + 1;
  }
  return firstClean;
}

/** s(h_k) = (f(x+h) + f(x−h) − 2f(x)) / h at level k. */
function secondDifference(w: Scratch, k: number, G: number, p: number, m: number): number {
  return (w.out[k * G + p] + w.out[k * G + m]) / w.steps[k];
}

/** The round-off s(h_k) may carry, with the margin of SECOND_DIFFERENCE_NOISE_FACTOR. */
function noise(w: Scratch, k: number): number {
  return (SECOND_DIFFERENCE_NOISE_FACTOR * 2 * w.accuracy) / w.steps[k];
}

/**
 * Neville tableau over the clean levels from..n−1; column j removes the h^(q + (j−1)·stride)
 * term. Two columns are kept, in the scratch.
 */
function neville(base: StencilMethod, w: Scratch, from: number, n: number, ratio: number): { estimate: number; errorBound: number } {
  const stride = base.symmetric ? 2 : 1;
  const len = n - from;
  let prevT = w.T[0],
    prevRho = w.R[0],
    T = w.T[1],
    R = w.R[1];
  for (let k = 0; k < len; k++) {
    prevT[k] = w.D[from + k];
    prevRho[k] = w.rho[from + k];
  }
  let best = Infinity,
    bestValue = prevT[len - 1],
    bestRho = prevRho[len - 1];
  for (let j = 1; j < len; j++) {
    const factor = ratio ** (base.order + (j - 1) * stride);
    for (let k = j; k < len; k++) {
      T[k] = prevT[k] + (prevT[k] - prevT[k - 1]) / (factor - 1);
      R[k] = (prevRho[k] * factor + prevRho[k - 1]) / (factor - 1);
      const err = Math.max(Math.abs(T[k] - prevT[k]), Math.abs(T[k] - prevT[k - 1]));
      if (err + R[k] < best) {
        best = err + R[k];
        bestValue = T[k];
        bestRho = R[k];
      }
    }
    const t = prevT,
      r = prevRho;
    prevT = T;
    T = t;
    prevRho = R;
    R = r;
  }
  return { estimate: bestValue, errorBound: Math.max(best, bestRho) };
}
