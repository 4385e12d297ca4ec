import { assignmentFieldNames, outputFamilies, parseAssignment, type Assignment } from "../judge/Assignment.ts";
import { lambdasOf, type AssignmentSpec, type Rubric } from "./Rubric.ts";

export type ResolvedAssignment =
  { readonly ok: true; readonly assignment: Assignment } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * The Assignment a rubric states, parsed exactly as `check` parses its flags; then what only a
 * rubric has: the older outputActivation + cost spelling of output, and its tests' networks,
 * which must lie within the assignment's hidden layers, K and λ. Errors name the field as a
 * path (`assignment.output`, `tests[2].networks.K`).
 */
export function rubricAssignment(rubric: Rubric): ResolvedAssignment {
  const a = rubric.assignment;
  const errors: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const key of assignmentFieldNames) if (a[key] !== undefined) fields[key] = a[key];
  const legacy = legacyOutput(a);
  if (legacy && !outputFamilies.includes(legacy as never))
    errors.push(
      `assignment.cost: ${JSON.stringify(a.cost)} with outputActivation ${JSON.stringify(a.outputActivation)} is no output family; known: ${outputFamilies.join(", ")}`,
    );
  else if (legacy && a.output !== undefined && a.output !== legacy)
    errors.push(
      `assignment.output: ${JSON.stringify(a.output)} contradicts outputActivation ${JSON.stringify(a.outputActivation)} with cost ${JSON.stringify(a.cost)}`,
    );
  else if (legacy) fields.output ??= legacy;
  if (errors.length) return { ok: false, errors };
  const parsed = parseAssignment(fields);
  if (!parsed.ok) return { ok: false, errors: [parsed.error.replace(/^assignment (\w+):/, "assignment.$1:")] };
  const stated = parsed.assignment;
  rubric.tests.forEach((t, k) => {
    // A stated range holds both ways, as does a profile's number of hidden layers; a profile's
    // K and softmax's K ≥ 2 only as a floor: check's ceiling of K is the widths it draws.
    const within = (key: "hiddenLayers" | "K", field: "hiddenLayers" | "classes") => {
      const [min, max] = t.networks[key],
        r = stated[field];
      const floor = a[field] !== undefined || a.profile !== undefined || (field === "classes" && stated.output === "softmax-cross-entropy");
      const ceiling = a[field] !== undefined || (field === "hiddenLayers" && a.profile !== undefined) ? r.max : Infinity;
      if (floor && (min < r.min || max > ceiling))
        errors.push(
          `tests[${k}].networks.${key}: [${min}, ${max}] is outside the assignment's ${field} ${r.min}..${ceiling === Infinity ? "" : ceiling}`,
        );
    };
    within("hiddenLayers", "hiddenLayers");
    within("K", "classes");
    const outside = lambdasOf(t.networks).filter((l) => !stated.lambdas.includes(l));
    if (a.lambda !== undefined && outside.length)
      errors.push(`tests[${k}].networks.lambda: ${outside.join(", ")} is not one of the assignment's λ (${stated.lambdas.join(", ")})`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, assignment: stated };
}

/** outputActivation + cost as an output family's name, when the rubric spells it that way. */
function legacyOutput(a: AssignmentSpec): string | undefined {
  if (a.outputActivation === undefined && a.cost === undefined) return undefined;
  return `${a.outputActivation ?? "sigmoid"}-${a.cost ?? "cross-entropy"}`;
}
