import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCaseText } from "../caseio/parseCase.ts";
import type { Case } from "../network/Network.ts";

/** The reference cases shipped with gradcheck (expected values from an independent autodiff system). */
export const referenceDir = fileURLToPath(new URL("../data/reference/", import.meta.url));

/** Reference cases with a softmax output and the categorical cross-entropy, relu/tanh/sigmoid hidden layers. */
export const softmaxDir = fileURLToPath(new URL("../data/softmax/", import.meta.url));

export function referenceCases(): Case[] {
  return casesIn(referenceDir);
}

export function softmaxCases(): Case[] {
  return casesIn(softmaxDir);
}

function casesIn(dir: string): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const parsed = parseCaseText(readFileSync(dir + f, "utf8"));
      if (!parsed.ok) throw new Error(`built-in case ${f} is invalid: ${parsed.error}`);
      return parsed.value;
    });
}
