/**
 * The API's verbs that need the grading, sandbox, zip or report machinery, loaded on their
 * first call: `import "gradcheck"` then costs the checking core alone (fast-check, ajv, yauzl,
 * the sandbox and the renderers stay unloaded until a submission is checked or a page rendered).
 * Each keeps the exact type of the function it stands for; all are async already, so waiting
 * for the module costs the caller nothing new.
 */
type CheckNnCostFunction = typeof import("./judge/checkNnCostFunction.ts").checkNnCostFunction;

// Overloaded (unrolled or wb): one forwarding arrow stands for both signatures.
export const checkNnCostFunction = (async (...args: unknown[]) => {
  const { checkNnCostFunction } = await import("./judge/checkNnCostFunction.ts");
  return (checkNnCostFunction as (...a: unknown[]) => unknown)(...args);
}) as CheckNnCostFunction;

export const checkSubmission: typeof import("./judge/checkSubmission.ts").checkSubmission = async (...args) =>
  (await import("./judge/checkSubmission.ts")).checkSubmission(...args);

export const renderHtml: typeof import("./report/renderHtml.ts").renderHtml = async (...args) =>
  (await import("./report/renderHtml.ts")).renderHtml(...args);
