import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem, Theta } from "../src/network/Network.ts";

/** Debian's interpreter, whose `torch` is the python3-torch package (not a venv's python3). */
const python = "/usr/bin/python3";
const script = fileURLToPath(new URL("./torch_backprop.py", import.meta.url));

export type TorchResult =
  | {
      readonly ms: number;
      /** the fastest of the runs: on a busy machine, closer to what the core can do */
      readonly minMs: number;
      readonly J: number;
      readonly torch: string;
      readonly threads: number;
      readonly blas: { readonly library: string; readonly reference: boolean };
    }
  | { readonly missing: string };

/**
 * The same network, batch and Θ through PyTorch in float64 on one thread (torch's pool and
 * OpenBLAS's both pinned to one), timed by the script itself: medians of `runs` gradients, or
 * of `runs` torch.autograd.gradcheck calls. Only sigmoid/cross-entropy networks.
 */
export function torchGradient(problem: Problem, theta: Theta, runs: number, mode: "backward" | "gradcheck" = "backward"): TorchResult {
  if (!existsSync(python)) return { missing: `${python} not found` };
  const dir = mkdtempSync(join(tmpdir(), "gradcheck-bench-torch-"));
  try {
    const write = (name: string, data: Float64Array) =>
      writeFileSync(join(dir, name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    write("X.f64", problem.X.data);
    write("Y.f64", problem.Y.data);
    theta.forEach((T, l) => write(`theta${l}.f64`, T.data));
    writeFileSync(
      join(dir, "meta.json"),
      JSON.stringify({ layerSizes: problem.layerSizes, m: problem.X.rows, lambda: problem.lambda, mode }),
    );
    const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
    const out = execFileSync(python, [script, dir, String(runs)], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const got = JSON.parse(out.trim().split("\n").pop() ?? "{}");
    return got.error ? { missing: got.error } : got;
  } catch (error) {
    return { missing: `the torch script failed: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What to print about the BLAS behind torch's figures; a warning when they mean nothing. */
export function blasNote(r: TorchResult): string {
  if ("missing" in r) return `PyTorch not measured: ${r.missing} (Debian: apt-get install python3-torch libopenblas0-pthread).`;
  const base = `PyTorch ${r.torch}, float64, ${r.threads} thread (OPENBLAS_NUM_THREADS=1), BLAS: ${r.blas.library}.`;
  return r.blas.reference
    ? `${base} WARNING: that is the reference BLAS, many times slower than OpenBLAS: the comparison with torch is meaningless (install libopenblas0-pthread).`
    : base;
}
