import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Where the JavaScript of `x.ts` goes: beside it, so relative imports keep their meaning. */
export const transpiledName = (tsPath: string) => `${tsPath}.mjs`;

export type Transpiled =
  { readonly ok: true } | { readonly ok: false; readonly problem: "syntax-error" | "sandbox-failed"; readonly message: string };

/**
 * Compiles every .ts/.mts file of a staged submission to JavaScript, one file at a time: no
 * bundling, so nothing outside the folder is read or inlined, and an import that leaves the
 * folder is simply absent in the sandbox (a load error there). Relative imports of .ts files
 * are pointed at their compiled siblings. This runs in the checker, outside the sandbox,
 * because esbuild's API starts a child process, which the sandbox forbids; it only reads the
 * private copy (regular files, bounded), within `timeLimitMs`.
 */
export async function transpileTypeScript(stagedDir: string, timeLimitMs: number): Promise<Transpiled> {
  const files = tsFiles(stagedDir);
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch (e) {
    return { ok: false, problem: "sandbox-failed", message: `the TypeScript compiler (esbuild) is not available: ${(e as Error).message}` };
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"expired">((resolve) => (timer = setTimeout(() => resolve("expired"), timeLimitMs)));
  try {
    for (const file of files) {
      const result = await Promise.race([compiled(esbuild, file, relative(stagedDir, file)), expired]);
      if (result === "expired") {
        await esbuild.stop();
        return { ok: false, problem: "sandbox-failed", message: `compiling the TypeScript took longer than ${timeLimitMs} ms` };
      }
      writeFileSync(transpiledName(file), pointImportsAtCompiled(result.code, dirname(file), new Set(files)), { mode: 0o644 });
    }
    return { ok: true };
  } catch (e) {
    return compileFailure(e);
  } finally {
    clearTimeout(timer);
  }
}

function compiled(esbuild: typeof import("esbuild"), file: string, shownAs: string) {
  return esbuild.transform(readFileSync(file, "utf8"), {
    loader: "ts",
    format: "esm",
    sourcefile: shownAs,
    target: "node20",
    logLevel: "silent",
  });
}

/** esbuild's first three errors with their file, line and column; any other failure is the checker's. */
function compileFailure(e: unknown): Transpiled {
  const errors = (e as { errors?: Array<{ text: string; location?: { line: number; column: number; file: string } | null }> }).errors ?? [];
  if (errors.length === 0)
    return { ok: false, problem: "sandbox-failed", message: `compiling the TypeScript failed: ${(e as Error).message}` };
  return {
    ok: false,
    problem: "syntax-error",
    message: errors
      .slice(0, 3)
      .map((er) => (er.location ? `${er.location.file}:${er.location.line}:${er.location.column}: ${er.text}` : er.text))
      .join("\n"),
  };
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.m?ts$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * esbuild prints every import as `from "spec"` or `import("spec")` with double quotes; a
 * relative spec naming a .ts file (with or without its extension, or as .js the TypeScript
 * way) is pointed at the compiled `.ts.mjs`.
 */
function pointImportsAtCompiled(code: string, dir: string, staged: ReadonlySet<string>): string {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"(\.{1,2}\/[^"]*)"/g, (whole, lead: string, spec: string) => {
    const target = [spec, spec.replace(/\.(m?js)$/, ".ts"), spec.replace(/\.mjs$/, ".mts"), `${spec}.ts`].find(
      (s) => /\.m?ts$/.test(s) && staged.has(resolve(dir, s)),
    );
    return target ? `${lead}"${transpiledName(target)}"` : whole;
  });
}
