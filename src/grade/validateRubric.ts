import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import { builtinRubrics } from "./builtinRubrics.ts";
import type { Rubric } from "./Rubric.ts";
import { rubricAssignment } from "./rubricAssignment.ts";

export const rubricSchema = JSON.parse(readFileSync(new URL("./rubric.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;

// ajv is loaded and the schema compiled on the first rubric checked, not when gradcheck is imported.
let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const { Ajv } = createRequire(import.meta.url)("ajv") as typeof import("ajv");
    compiled = new Ajv({ allErrors: true }).compile(rubricSchema);
  }
  return compiled;
}

export type RubricCheck = { readonly ok: true; readonly rubric: Rubric } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Checks a parsed rubric against rubric.schema.json, then what a schema cannot say (unique
 * ids, min ≤ max, an assignment `check` would accept, tests' networks within its shapes). Each error names the field as a path, e.g. `tests[2].networks.m`.
 */
export function validateRubric(value: unknown): RubricCheck {
  const validate = validator();
  if (!validate(value)) return { ok: false, errors: (validate.errors ?? []).map(describe) };
  const rubric = value as Rubric;
  const errors: string[] = [];
  const seen = new Set<string>();
  rubric.tests.forEach((t, k) => {
    if (seen.has(t.id)) errors.push(`tests[${k}].id: '${t.id}' is used by an earlier test; ids must be unique`);
    seen.add(t.id);
    for (const key of ["hiddenLayers", "hiddenUnits", "inputs", "K", "m"] as const) {
      const [min, max] = t.networks[key];
      if (min > max) errors.push(`tests[${k}].networks.${key}: min ${min} is greater than max ${max}`);
    }
  });
  if (errors.length === 0) {
    const stated = rubricAssignment(rubric);
    if (!stated.ok) errors.push(...stated.errors);
  }
  if (rubric.tests.every((t) => t.points === 0)) errors.push("tests: every test is worth 0 points; at least one must be worth more");
  return errors.length ? { ok: false, errors } : { ok: true, rubric };
}

/** Reads and validates a rubric file; problems are data, each naming the file and the field. */
export function readRubric(file: string): RubricCheck {
  // a built-in rubric's name (ex4, cs231n-two-layer, …), unless a file of that name is there
  if (Object.hasOwn(builtinRubrics, file) && !existsSync(file)) return validateRubric(structuredClone(builtinRubrics[file]));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return { ok: false, errors: [`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${file}: not valid JSON: ${(e as Error).message}`] };
  }
  const check = validateRubric(value);
  return check.ok ? check : { ok: false, errors: check.errors.map((e) => `${file}: ${e}`) };
}

function describe(e: ErrorObject): string {
  const field =
    e.instancePath
      .split("/")
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join("")
      .replace(/^\./, "") || "(top level)";
  if (e.keyword === "additionalProperties")
    return `${field}: unknown field '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === "required") return `${field}: missing field '${(e.params as { missingProperty: string }).missingProperty}'`;
  if (e.keyword === "enum")
    return `${field}: ${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  return `${field}: ${e.message}`;
}
