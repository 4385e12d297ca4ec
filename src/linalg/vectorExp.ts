import { sigmoidWasmBase64 } from "./wasmBytes.ts";

type ArrayKernel = (from: number, to: number, n: number) => void;

/** out[q] = f(input[q]) for every q. */
export type ArrayMap = (input: Float64Array, out: Float64Array) => void;

/** The kernel's maps; each copies its input in before writing out, so out may be the input. */
export interface VectorExp {
  /** out[q] = Math.exp(x[q]), bit for bit. */
  readonly expInto: ArrayMap;
  /** out[q] = Math.exp(−|z[q]|), bit for bit: the exponential inside softplus. */
  readonly expNegAbsInto: ArrayMap;
  /** a[q] = σ(z[q]) exactly as the scalar sigmoid computes it. */
  readonly sigmoidInto: ArrayMap;
}

/**
 * e^x, e^−|z| and σ(z) over whole arrays through the WebAssembly f64x2 kernel of sigmoid.wat:
 * fdlibm's exponential, the one behind Math.exp, two lanes at a time, so every value is bit for
 * bit what the scalar code gives, at a third of the cost of a Math.exp call each. Arrays are
 * copied into the kernel's memory and back: two sweeps over memory, a small part of the cost of
 * the exponentials they replace. `bytes` is the assembled module (tests plant bugs in it).
 */
export function vectorExp(bytes: Uint8Array<ArrayBuffer>): VectorExp {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { math: { exp: Math.exp } });
  const memory = instance.exports.memory as WebAssembly.Memory;
  const over =
    (kernel: ArrayKernel): ArrayMap =>
    (input, output) => {
      if (output.length !== input.length) throw new RangeError(`input has ${input.length} values, output ${output.length}`);
      // The kernel works in pairs: the input region has a spare slot for an odd length.
      const n = input.length,
        slots = 2 * ((n + 1) >> 1),
        bytes = 2 * slots * 8;
      if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
      const heap = new Float64Array(memory.buffer);
      heap.set(input, 0);
      heap[n] = 0; // the spare lane of an odd length: finite, so it never sends its pair to Math.exp
      kernel(0, slots * 8, n);
      output.set(heap.subarray(slots, slots + n));
    };
  return {
    expInto: over(instance.exports.exp as ArrayKernel),
    expNegAbsInto: over(instance.exports.expNegAbs as ArrayKernel),
    sigmoidInto: over(instance.exports.sigmoid as ArrayKernel),
  };
}

/** Below this many values a plain loop costs less than the copies in and out. */
export const VECTOR_MIN_LENGTH = 64;

export const { expInto, expNegAbsInto, sigmoidInto } = vectorExp(Uint8Array.from(Buffer.from(sigmoidWasmBase64, "base64")));
