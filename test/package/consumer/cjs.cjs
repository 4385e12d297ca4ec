// The same entry points from CommonJS: require() of an ES module works on Node ≥ 20.19 for a
// module graph without top-level await, which the build keeps.
const gradcheck = require("gradcheck");
const properties = require("gradcheck/properties");
const { checkJacobian } = require("gradcheck");
const fc = require("fast-check");

const r = checkJacobian(
  (x) => [x[0] * x[1], Math.exp(x[1])],
  (x) => [
    [x[1], x[0]],
    [0, Math.exp(x[1])],
  ],
  [0.3, 0.7],
);
const sizes = fc.sample(properties.layerSizesArbitrary(), { seed: 1, numRuns: 3 });
console.log(JSON.stringify({ names: Object.keys(gradcheck).length, jacobian: r.passed, sizes: sizes.length }));
