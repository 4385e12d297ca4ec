import { median } from "../src/cli/median.ts";

/** Median wall time of one call in milliseconds, after `warmup` untimed calls. */
export async function medianMs(f: () => unknown | Promise<unknown>, runs: number, warmup = 2): Promise<number> {
  for (let r = 0; r < warmup; r++) await f();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** medianMs for a synchronous f, timed without awaiting (for a body that must not be left). */
export function medianMsSync(f: () => unknown, runs: number, warmup = 2): number {
  for (let r = 0; r < warmup; r++) f();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The fastest and the median of one body's timed runs, milliseconds. */
export interface Timing {
  readonly min: number;
  readonly median: number;
}

/**
 * Times several synchronous bodies in turn (a, b, a, b, …) after `warmup` untimed rounds of
 * all of them. Timed one after the other, whichever body runs first also pays for the JIT
 * warming up on the new sizes (the first few dozen gradients of a network are up to a quarter
 * slower) and meets different load on a shared machine: interleaved, every body meets the same.
 */
export function interleavedMs<K extends string>(bodies: Record<K, () => unknown>, runs: number, warmup: number): Record<K, Timing> {
  const names = Object.keys(bodies) as K[];
  for (let r = 0; r < warmup; r++) for (const name of names) bodies[name]();
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let r = 0; r < runs; r++)
    for (const name of names) {
      const t0 = performance.now();
      bodies[name]();
      times.get(name)!.push(performance.now() - t0);
    }
  return Object.fromEntries(
    names.map((name) => [name, { min: Math.min(...times.get(name)!), median: median(times.get(name)!) }]),
  ) as Record<K, Timing>;
}

/** Runs a body n times and gives each run's milliseconds. */
export type TimedRuns = (n: number) => number[] | Promise<number[]>;

/** A synchronous body as TimedRuns. */
export function timesOf(f: () => unknown): (n: number) => number[] {
  return (n) => {
    const times: number[] = [];
    for (let r = 0; r < n; r++) {
      const t0 = performance.now();
      f();
      times.push(performance.now() - t0);
    }
    return times;
  };
}

/**
 * interleavedMs for bodies that may run elsewhere (PyTorch in its own process): in each round
 * every body takes `perRound` runs in turn, after `warmupRounds` untimed rounds. On a machine
 * shared with other work, load comes and goes over seconds; bodies timed minutes apart can
 * differ by half for the same work, bodies timed in the same rounds meet the same load.
 */
export async function interleavedRounds<K extends string>(
  bodies: Record<K, TimedRuns>,
  rounds: number,
  perRound: number,
  warmupRounds: number,
): Promise<Record<K, Timing>> {
  const names = Object.keys(bodies) as K[];
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let r = 0; r < warmupRounds + rounds; r++)
    for (const name of names) {
      const got = await bodies[name](perRound);
      if (r >= warmupRounds) times.get(name)!.push(...got);
    }
  return Object.fromEntries(
    names.map((name) => [name, { min: Math.min(...times.get(name)!), median: median(times.get(name)!) }]),
  ) as Record<K, Timing>;
}
