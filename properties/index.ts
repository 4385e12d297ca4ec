/** fast-check arbitraries and reusable properties for backpropagation: for gradcheck's tests, its checker, and users' own suites. */
export { layerSizesArbitrary, type LayerSizesConstraints } from "../src/judge/layerSizesArbitrary.ts";
export { activationArbitrary, costArbitrary, networkArbitrary } from "./networkArbitrary.ts";
export { lambdaArbitrary } from "./lambdaArbitrary.ts";
export { regimeArbitrary, valuesArbitrary, type Regime } from "./valuesArbitrary.ts";
export { caseArbitrary, type CaseConstraints } from "./caseArbitrary.ts";
export { oneHotRows, type LabelledCase } from "../src/network/labels.ts";
export { submissionCaseArbitrary, type SubmissionCaseConstraints } from "../src/judge/submissionCaseArbitrary.ts";
export { holds, type PropertyVerdict } from "./PropertyVerdict.ts";
export { methodsAgree } from "./methodsAgree.ts";
export { matchesFiniteDifferences } from "./matchesFiniteDifferences.ts";
export { regularizerSkipsBias } from "./regularizerSkipsBias.ts";
export { affineInLambda } from "./affineInLambda.ts";
export { permutationInvariant, permuteExamples } from "./permutationInvariant.ts";
export { halvesAverage } from "./halvesAverage.ts";
export { numRuns, propertySeed } from "./numRuns.ts";
export { closeNumbers, firstDifference, gradientScale } from "./closeness.ts";
