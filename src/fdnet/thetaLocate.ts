import type { EntryLocation, Locate } from "../check/index.ts";
import { thetaEntryAt, thetaEntryName } from "../network/thetaEntry.ts";

/** Names entry p of the unrolled Θ the way the lecture does (see src/network/thetaEntry.ts). */
export function thetaLocate(layerSizes: readonly number[]): Locate {
  return (p: number): EntryLocation => {
    const entry = thetaEntryAt(p, layerSizes);
    return { ...entry, label: thetaEntryName(entry) };
  };
}
