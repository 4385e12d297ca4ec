// Entry point of parallelBackprop's worker threads: loads the TypeScript sources through tsx,
// as bin/gradcheck.mjs does, then serves chunks.
import { register } from "tsx/esm/api";

register();
await import("./backpropWorker.ts");
