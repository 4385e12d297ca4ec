import type { ScalarFunction } from "./Increments.ts";
import { randomUnitDirection } from "./directional.ts";
import { rng } from "./random.ts";

/** The round-off f shows near x: one evaluation's standard deviation, absolute and relative to |f|. */
export interface Noise {
  /** σ, or null when f did not change enough along the probe to see it */
  readonly absolute: number | null;
  /** σ / max |f| over the probe, or null */
  readonly relative: number | null;
  readonly evaluations: number;
}

/** Order of the differences: smooth f contributes f⁽⁶⁾·h⁶ to them, far under any round-off at the probe's steps. */
const ORDER = 6;
/** Points per probe: 13 give seven 6th differences to average. */
const POINTS = 13;
/** γ_K = (K!)² / (2K)!: the K-th difference of independent noise of variance σ² has variance σ²/γ_K. */
const GAMMA = 1 / 924;
/**
 * Probe steps (relative to max(1, ‖x‖∞)): the larger sees the rounding of a function that
 * barely moves at the smaller, the smaller keeps a strongly curved f's own 6th differences
 * (or a kink) out of the estimate; the smallest answer that saw enough distinct values is
 * kept. Each step carries the golden ratio's 1.618…: at a power of two, a float32 ramp can
 * round in a repeating pattern whose 6th differences vanish, which would read as no noise.
 */
const PROBE_STEPS = [2 ** -10 * 1.6180339887, 2 ** -14 * 1.6180339887, 2 ** -17 * 1.6180339887];

/**
 * How noisy f is near x, as Moré and Wild's ECnoise measures it: f at x + k·h·v, k = 0…12,
 * along one seeded random unit v; at these h the 6th differences of f hold only its round-off,
 * and σ² ≈ γ₆·mean((Δ⁶f)²). A function summed in float32 shows σ/|f| ≈ 1e-8…1e-7, one in
 * float64 ≈ 1e-16: what the checker needs to tell round-off from a kink and to size its steps.
 */
export function measureNoise(f: ScalarFunction, x: ArrayLike<number>, seed = 1): Noise {
  const v = randomUnitDirection(x.length, rng(seed));
  let scale = 1;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]!));
  let best: { absolute: number; relative: number } | null = null;
  for (const step of PROBE_STEPS) {
    const probe = noiseAlong(f, x, v, step * scale);
    // σ = 0 from distinct values is a rounding pattern in step with the probe, not an exact f: no answer.
    if (probe && probe.absolute > 0 && (!best || probe.absolute < best.absolute)) best = probe;
  }
  return { absolute: best?.absolute ?? null, relative: best?.relative ?? null, evaluations: PROBE_STEPS.length * POINTS };
}

function noiseAlong(f: ScalarFunction, x: ArrayLike<number>, v: Float64Array, h: number): { absolute: number; relative: number } | null {
  const w = new Float64Array(x.length);
  const values = new Float64Array(POINTS);
  let biggest = 0,
    distinct = 0;
  for (let k = 0; k < POINTS; k++) {
    for (let i = 0; i < w.length; i++) w[i] = x[i]! + k * h * v[i]!;
    values[k] = f(w);
    if (!Number.isFinite(values[k]!)) return null;
    biggest = Math.max(biggest, Math.abs(values[k]!));
    if (k > 0 && values[k] !== values[k - 1]) distinct++;
  }
  // Mostly equal values mean the step is below f's resolution: the differences would be all zero, not its noise.
  if (distinct < ((POINTS - 1) * 2) / 3) return null;
  for (let order = 0; order < ORDER; order++) for (let k = 0; k < POINTS - order - 1; k++) values[k] = values[k + 1]! - values[k]!;
  let sum2 = 0;
  const count = POINTS - ORDER;
  for (let k = 0; k < count; k++) sum2 += values[k]! ** 2;
  const absolute = Math.sqrt((GAMMA * sum2) / count);
  return { absolute, relative: biggest === 0 ? 0 : absolute / biggest };
}
