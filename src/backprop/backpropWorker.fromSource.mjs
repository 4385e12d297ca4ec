// The worker entry when gradcheck runs from its TypeScript sources (the repository's unit tests
// and bench, through tsx): registers tsx, then loads the worker. The build leaves every
// `*.fromSource.*` file out of dist/, where the compiled backpropWorker.js is the entry itself.
import { register } from "tsx/esm/api";

register();
await import("./backpropWorker.ts");
