/** Finite differences that know the network: cached activations, rank-1 updates, the BigNumber oracle. */
export { networkIncrements, type NetworkIncrements } from "./networkIncrements.ts";
export { naiveIncrements } from "./naiveIncrements.ts";
export { fdNetworkGradient, fdCostAndGradient, fdMethodFor, type NetworkFd, type NetworkFdOptions } from "./fdNetworkGradient.ts";
export { bigNumberCost, bigMath, exactBig } from "./bigNumberCost.ts";
export { bigNumberGradient, bigNumberMethod, type BigNumberGradient } from "./bigNumberGradient.ts";
export { thetaLocate } from "./thetaLocate.ts";
export { networkHints } from "./networkHints.ts";
export { checkNetworkGradient, type NetworkCheckOptions } from "./checkNetworkGradient.ts";
