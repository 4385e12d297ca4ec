import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { checkNetworkGradient, fdNetworkGradient, thetaLocate } from "../../src/fdnet/index.ts";
import { forward } from "../../src/network/forward.ts";
import { buildNetwork } from "../helpers/randomNetwork.ts";

/** relu at z = 0: the entry is "not differentiable here", never a failure. */
describe("kinks", () => {
  it("a relu unit sitting on z = 0 makes its incoming entries not differentiable; set aside within the stated share, the check still passes", () => {
    const { problem, theta } = buildNetwork(
      { layerSizes: [3, 4, 2], hidden: "relu", output: "sigmoid", cost: "cross-entropy", lambda: 1, m: 3, weightScale: 1 },
      8,
    );
    // Move unit 1's bias so that example 0 has z = 0 (up to rounding) there.
    const T = theta[0];
    const z = forward(problem, theta, problem.X).z[1].data;
    T.data[1 * T.cols] -= z[0 * 4 + 1];
    const fd = fdNetworkGradient(problem, theta).fd;
    const locate = thetaLocate(problem.layerSizes);
    const kinked = [...fd.kink.keys()].filter((p) => fd.kink[p]);
    expect(kinked.length).toBeGreaterThan(0);
    expect(kinked.every((p) => locate(p).layer === 0 && locate(p).row === 1)).toBe(true);
    const r = checkNetworkGradient(problem, theta, batchBackprop(problem, theta).grad, { maxSetAside: 0.2 });
    expect(r.passed).toBe(true);
    expect(r.notDifferentiable).toBe(kinked.length);
    expect(r.findings.find((f) => f.kind === "not-differentiable")).toBeTruthy();
    // 4 of 26 entries set aside is more than the default 10 %: the check says it compared too few.
    const strict = checkNetworkGradient(problem, theta, batchBackprop(problem, theta).grad);
    expect(strict.passed).toBe(false);
    expect(strict.findings.map((f) => f.kind)).toEqual(["not-differentiable", "too-few-compared"]);
  });
});
