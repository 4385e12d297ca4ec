/** Finite differences over plain functions f: Float64Array → number. Knows nothing of networks. */
export type { FdMethod, RichardsonMethod, StencilMethod } from "./FdMethod.ts";
export type { Estimate, FdGradient } from "./Estimate.ts";
export { stencil, centralFdm, forwardFdm, backwardFdm, fixedStep } from "./stencil.ts";
export { richardson, type RichardsonOptions } from "./richardson.ts";
export { stepFor, powerOfTwoBelow } from "./stepFor.ts";
export { incrementsOf, defaultRelativeAccuracy, type Increments, type ScalarFunction } from "./Increments.ts";
export { estimateEntry } from "./estimateEntry.ts";
export { stepSweep, sweepSteps, type StepPoint } from "./stepSweep.ts";
export { fdGradient, fdGradientFromIncrements, fdPartial, defaultFdMethod, type FdOptions } from "./fdGradient.ts";
export { directionalDerivative, randomUnitDirection, type DirectionalDerivativeOptions } from "./directional.ts";
export { measureNoise, type Noise } from "./measureNoise.ts";
export { rng, gaussian, type Rng } from "./random.ts";
export { fdJacobian, type FdJacobian, type VectorFunction } from "./fdJacobian.ts";
