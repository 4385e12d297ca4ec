// Every entry point from plain Node ESM, as a user's project loads them.
import * as gradcheck from "gradcheck";
import * as properties from "gradcheck/properties";
import { checkGradient, gradcheck as gradcheckTape, constant } from "gradcheck";

const names = { gradcheck: Object.keys(gradcheck).length, properties: Object.keys(properties).length };
const c = checkGradient(
  (x) => x[0] ** 2 + 3 * x[1],
  (x) => [2 * x[0], 3],
  [0.5, -1],
);
const t = gradcheckTape((x) => x.square().sum().add(constant(1)), [1, 2, 3]);
if (!c.passed || !t.passed) throw new Error("a check failed in the installed package");
console.log(JSON.stringify({ names, passed: c.passed && t.passed }));
