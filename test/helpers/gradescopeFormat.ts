import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

const schema = JSON.parse(readFileSync(new URL("../fixtures/gradescopeResults.schema.json", import.meta.url), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The problems of a results.json against Gradescope's documented format (empty when valid). */
export function gradescopeProblems(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(top)"} ${e.message}`);
}
