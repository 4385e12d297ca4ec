import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileWatText } from "../../scripts/compileWat.ts";
import { expInto, expNegAbsInto, sigmoidInto, vectorExp, type ArrayMap } from "../../src/linalg/vectorExp.ts";
import { sigmoid } from "../../src/network/activation.ts";
import { rng } from "../../src/numeric/random.ts";

const bits = new DataView(new ArrayBuffer(8));
const fromBits = (hi: number, lo: number) => (bits.setUint32(0, hi >>> 0), bits.setUint32(4, lo >>> 0), bits.getFloat64(0));
/** The doubles either side of x, by one unit in the last place. */
const neighbours = (x: number) => {
  bits.setFloat64(0, x);
  const word = bits.getBigUint64(0);
  return [-1n, 1n].map((d) => (bits.setBigUint64(0, BigInt.asUintN(64, word + d)), bits.getFloat64(0)));
};

/**
 * Every boundary of fdlibm's branches (tiny |x|, |x| = ln2/2 and 3ln2/2, x = 1, the 704 where
 * the kernel hands pairs to Math.exp, overflow and underflow thresholds), each with its
 * neighbours, both signs; then the specials.
 */
const edges = (() => {
  const points = [
    2 ** -28,
    fromBits(0x3e300000, 0),
    0.5 * Math.LN2,
    fromBits(0x3fd62e42, 0xffffffff),
    fromBits(0x3fd62e43, 0),
    1.5 * Math.LN2,
    fromBits(0x3ff0a2b2, 0),
    1,
    Math.LN2,
    704,
    707.7,
    708.39641853226408,
    709.782712893384,
    745.1332191019411,
    746,
    1e-300,
    5e-324,
    Number.MAX_VALUE,
  ];
  const all = points.flatMap((p) => [p, ...neighbours(p)]).flatMap((p) => [p, -p]);
  return Float64Array.from([...all, 0, -0, Infinity, -Infinity, NaN]);
})();

/** Uniform values at every scale the kernel's branches see, from a fixed seed. */
function sampled(seed: number, count: number): Float64Array {
  const random = rng(seed);
  const out = new Float64Array(count);
  const scales = [1e-12, 2 ** -28, 0.3, 0.36, 1, 1.1, 4, 30, 700, 710, 750, 1e4];
  for (let q = 0; q < count; q++) out[q] = (2 * random() - 1) * scales[q % scales.length] * (q % 3 === 0 ? random() : 1);
  return out;
}

/** Random 64-bit patterns: every exponent, subnormals, infinities and NaNs included. */
function randomBits(seed: number, count: number): Float64Array {
  const random = rng(seed);
  const out = new Float64Array(count);
  for (let q = 0; q < count; q++) out[q] = fromBits(random() * 2 ** 32, random() * 2 ** 32);
  return out;
}

/** Indices where the vector map and the scalar one give different bits (NaN = NaN). */
function mismatches(map: ArrayMap, scalar: (x: number) => number, input: Float64Array): number[] {
  const out = new Float64Array(input.length);
  map(input, out);
  const wrong: number[] = [];
  input.forEach((x, q) => {
    if (!Object.is(out[q], scalar(x))) wrong.push(q);
  });
  return wrong;
}

const maps: Array<[string, ArrayMap, (x: number) => number]> = [
  ["e^x", expInto, Math.exp],
  ["e^−|z|", expNegAbsInto, (z) => Math.exp(-Math.abs(z))],
  ["σ(z)", sigmoidInto, sigmoid],
];

describe("the vector exponential and sigmoid, bit for bit the scalar ones", () => {
  it.each(maps)("%s at every branch boundary of fdlibm's exp, its neighbours, and the specials", (_name, map, scalar) => {
    expect(mismatches(map, scalar, edges).map((q) => edges[q])).toEqual([]);
  });

  it.each(maps)("%s on 200,000 values spread over every scale (fixed seed)", (_name, map, scalar) => {
    const input = sampled(20240601, 200_000);
    expect(mismatches(map, scalar, input).map((q) => input[q])).toEqual([]);
  });

  it.each(maps)("%s on 200,000 random bit patterns (fixed seed)", (_name, map, scalar) => {
    const input = randomBits(777, 200_000);
    expect(mismatches(map, scalar, input).map((q) => input[q])).toEqual([]);
  });

  it("works in place and on every length, odd ones included", () => {
    for (const n of [0, 1, 2, 3, 7, 64, 65]) {
      const z = sampled(n + 1, n);
      const expected = z.map(sigmoid);
      sigmoidInto(z, z);
      expect(Array.from(z)).toEqual(Array.from(expected));
    }
  });

  it("refuses an output of another length", () => {
    expect(() => expInto(new Float64Array(3), new Float64Array(2))).toThrow(/3 values, output 2/);
  });
});

describe("the bit-for-bit comparison catches a kernel one ulp off", () => {
  const source = readFileSync(fileURLToPath(new URL("../../src/linalg/sigmoid.wat", import.meta.url)), "utf8");
  const planted = async (from: string, to: string) => {
    expect(source).toContain(from);
    const bytes = await compileWatText("planted.wat", source.replace(from, to));
    return vectorExp(Uint8Array.from(bytes));
  };

  it("the division r·c/(2 − c) taken as a multiplication by the reciprocal", async () => {
    const { expInto: off } = await planted(
      "(f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (local.get $TWO) (local.get $c)))",
      "(f64x2.mul (f64x2.mul (local.get $r) (local.get $c)) (f64x2.div (local.get $ONE) (f64x2.sub (local.get $TWO) (local.get $c))))",
    );
    expect(mismatches(off, Math.exp, sampled(1, 200_000)).length).toBeGreaterThan(0);
  });

  it("fdlibm's correctly rounded e for x = 1 left out", async () => {
    const { expInto: off } = await planted("(f64x2.eq (local.get $x) (local.get $ONE))", "(v128.const i64x2 0 0)");
    expect(mismatches(off, Math.exp, edges).map((q) => edges[q])).toEqual([1]);
  });

  it("the sigmoid's numerator chosen the wrong way round", async () => {
    const { sigmoidInto: off } = await planted(
      "(v128.bitselect (local.get $ONE) (local.get $y)",
      "(v128.bitselect (local.get $y) (local.get $ONE)",
    );
    expect(mismatches(off, sigmoid, sampled(2, 1000)).length).toBeGreaterThan(0);
  });
});
