import { packageVersion } from "../data/packageRoot.ts";

/** gradcheck's version, from its package.json: recorded in every result, and part of what decides a regrade. */
export const gradcheckVersion: string = packageVersion();
