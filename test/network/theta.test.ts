import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { debugInitialWeights, randomInitialTheta } from "../../src/network/init.ts";
import { rng } from "../../src/numeric/random.ts";
import { parameterCount, roll, thetaShapes, unroll } from "../../src/network/theta.ts";
import { thetaEntryAt, thetaEntryName } from "../../src/network/thetaEntry.ts";

const layerSizes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 6 });

describe("Θ roll/unroll", () => {
  it("round-trips: roll(unroll(Θ)) = Θ and unroll(roll(p)) = p", () => {
    fc.assert(
      fc.property(layerSizes, fc.integer(), (sizes, seed) => {
        const theta = randomInitialTheta(sizes, rng(seed));
        const p = unroll(theta);
        expect(p.length).toBe(parameterCount(sizes));
        const back = roll(p, sizes);
        back.forEach((T, l) => expect(Array.from(T.data)).toEqual(Array.from(theta[l].data)));
        expect(Array.from(unroll(back))).toEqual(Array.from(p));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it("lays Θ⁽¹⁾, Θ⁽²⁾, … end to end, each row-major with its bias column first", () => {
    const sizes = [2, 3, 1];
    expect(thetaShapes(sizes)).toEqual([
      [3, 3],
      [1, 4],
    ]);
    const p = Float64Array.from({ length: 13 }, (_, q) => q);
    const [T1, T2] = roll(p, sizes);
    expect(T1.data[1 * 3 + 0]).toBe(3); // Θ⁽¹⁾ row 1, bias column
    expect(T2.data[0]).toBe(9);
    expect(thetaEntryAt(4, sizes)).toEqual({ layer: 0, row: 1, column: 1 });
    expect(thetaEntryName(thetaEntryAt(4, sizes))).toBe("Θ⁽¹⁾[2,1]");
    expect(thetaEntryAt(12, sizes)).toEqual({ layer: 1, row: 0, column: 3 });
  });

  it("rejects a parameter vector of the wrong length, saying how many it needs", () => {
    expect(() => roll(new Float64Array(5), [2, 3, 1])).toThrow(/need 13 parameters, got 5/);
  });

  it("roll copies: changing the rolled Θ leaves the vector alone", () => {
    const p = new Float64Array(13).fill(1);
    roll(p, [2, 3, 1])[0].data[0] = 5;
    expect(p[0]).toBe(1);
  });
});

describe("initialisation", () => {
  it("random Θ⁽ˡ⁾ lies in ±√6/√(s_l + s_{l+1}) and is reproducible from its seed", () => {
    const sizes = [400, 25, 10];
    const a = randomInitialTheta(sizes, rng(3)),
      b = randomInitialTheta(sizes, rng(3));
    a.forEach((T, l) => {
      const eps = Math.sqrt(6) / Math.sqrt(sizes[l] + sizes[l + 1]);
      const max = T.data.reduce((x, v) => Math.max(x, Math.abs(v)), 0);
      expect(max).toBeLessThanOrEqual(eps);
      expect(max).toBeGreaterThan(0.95 * eps);
      expect(Array.from(T.data)).toEqual(Array.from(b[l].data));
    });
  });

  it("debug weights are sin(1..n)/10 filled column-major", () => {
    const W = debugInitialWeights(2, 2); // 2 × 3
    expect(W.data[0]).toBe(Math.sin(1) / 10); // (0,0)
    expect(W.data[3]).toBe(Math.sin(2) / 10); // (1,0): next in column-major order
    expect(W.data[1]).toBe(Math.sin(3) / 10); // (0,1)
    expect(W.data[5]).toBe(Math.sin(6) / 10); // (1,2)
  });
});
