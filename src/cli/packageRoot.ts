// The package root is found in src/data, where every layer may read it.
export { packageRoot, packageVersion } from "../data/packageRoot.ts";
