import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
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
  const dir = writeCase(problem, theta, mode);
  try {
    const out = execFileSync(python, [script, dir, String(runs)], {
      env: oneThread(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const got = JSON.parse(out.trim().split("\n").pop() ?? "{}");
    return got.error ? { missing: got.error } : got;
  } catch (error) {
    return { missing: `the torch script failed: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** torch's own pool and every BLAS's pinned to one thread (OpenBLAS reads its variable at load). */
const oneThread = () => ({ ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" });

/** The case as the script reads it: meta.json and raw little-endian float64 arrays, in a new folder. */
function writeCase(problem: Problem, theta: Theta, mode: "backward" | "gradcheck"): string {
  const dir = mkdtempSync(join(tmpdir(), "gradcheck-bench-torch-"));
  const write = (name: string, data: Float64Array) =>
    writeFileSync(join(dir, name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  write("X.f64", problem.X.data);
  write("Y.f64", problem.Y.data);
  theta.forEach((T, l) => write(`theta${l}.f64`, T.data));
  writeFileSync(
    join(dir, "meta.json"),
    JSON.stringify({ layerSizes: problem.layerSizes, m: problem.X.rows, lambda: problem.lambda, mode }),
  );
  return dir;
}

/** A warmed-up PyTorch process that times gradients when asked, so its runs can be interleaved with gradcheck's. */
export interface TorchSession {
  readonly J: number;
  readonly torch: string;
  readonly threads: number;
  readonly blas: { readonly library: string; readonly reference: boolean };
  /** n more timed gradients, milliseconds each. */
  time(n: number): Promise<number[]>;
  close(): void;
}

/**
 * Starts the torch script in --serve mode on the case (sigmoid/cross-entropy networks only)
 * and waits until it has loaded the case and warmed up.
 */
export async function openTorch(problem: Problem, theta: Theta): Promise<TorchSession | { readonly missing: string }> {
  if (!existsSync(python)) return { missing: `${python} not found` };
  const dir = writeCase(problem, theta, "backward");
  const child = spawn(python, [script, dir, "--serve"], { env: oneThread(), stdio: ["pipe", "pipe", "pipe"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the torch script ended: ${stderr.trim().split("\n").pop() ?? "no message"}`);
    return JSON.parse(line.value);
  };
  try {
    const about = await next();
    if (typeof about.error === "string") {
      child.kill();
      return { missing: about.error };
    }
    return {
      ...(about as Omit<TorchSession, "time" | "close">),
      async time(n) {
        child.stdin.write(`${n}\n`);
        return (await next()).times as number[];
      },
      close() {
        child.stdin.end();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    return { missing: (error as Error).message };
  }
}

/** What to print about the BLAS behind torch's figures; a warning when they mean nothing. */
export function blasNote(r: Pick<TorchSession, "torch" | "threads" | "blas"> | { readonly missing: string }): string {
  if ("missing" in r) return `PyTorch not measured: ${r.missing} (Debian: apt-get install python3-torch libopenblas0-pthread).`;
  const base = `PyTorch ${r.torch}, float64, ${r.threads} thread (OPENBLAS_NUM_THREADS=1), BLAS: ${r.blas.library}.`;
  return r.blas.reference
    ? `${base} WARNING: that is the reference BLAS, many times slower than OpenBLAS: the comparison with torch is meaningless (install libopenblas0-pthread).`
    : base;
}
