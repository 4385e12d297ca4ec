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
