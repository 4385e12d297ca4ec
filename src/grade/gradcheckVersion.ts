import { readFileSync } from "node:fs";

/** gradcheck's version, from its package.json: recorded in every result, and part of what decides a regrade. */
export const gradcheckVersion: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
