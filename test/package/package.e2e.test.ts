import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itWith, systemFile } from "../helpers/requireSystem.ts";
import { consumerLock } from "../helpers/consumerLock.ts";

const octave = systemFile("octave", "/usr/bin/octave-cli");

/**
 * The build, as a user gets it: `npm pack`, the tarball installed into a new project from the
 * npm cache only (no registry), then every entry point imported from ESM and required from
 * CommonJS, the declarations type-checked under strict settings, the vitest matchers and the
 * properties run by the consumer's own vitest, and the installed bin run.
 */
const root = new URL("../../", import.meta.url).pathname;
const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
let dir = "";
let project = "";
let packed: { files: { path: string }[]; size: number; filename: string };

/** The version a ">=x.y.z" range starts at: the oldest TypeScript the package states it supports. */
function oldestTypeScript(range: string): string {
  const oldest = /^>=(\d+\.\d+\.\d+)$/.exec(range)?.[1];
  if (!oldest) throw new Error(`peerDependencies.typescript should read ">=x.y.z", found ${JSON.stringify(range)}`);
  return oldest;
}

/** Runs a command in the consumer project; a failure throws with what the command printed. */
function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(command, args, { cwd: project, encoding: "utf8", ...options });
  if (r.status !== 0) throw new Error(`${[command, ...args].join(" ")} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout as string;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gradcheck-package-"));
  project = join(dir, "consumer");
  // The tarball holds the build under test (`npm run test:e2e` builds it first). Letting `npm
  // pack` run `prepare` would rebuild dist/ while the other end-to-end files are running it.
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  packed = JSON.parse(out.slice(out.indexOf("[")))[0];
  cpSync(join(root, "test/fixtures/package-consumer"), project, { recursive: true });
  const versions = (names: string[]) =>
    Object.fromEntries(names.map((n) => [n, JSON.parse(readFileSync(join(root, "node_modules", n, "package.json"), "utf8")).version]));
  const extra = versions(["fast-check", "vitest", "typescript", "@types/node"]);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify(
      { name: "consumer", private: true, type: "module", dependencies: { gradcheck: `file:../${packed.filename}`, ...extra } },
      null,
      2,
    ),
  );
  const registry = execFileSync("npm", ["config", "get", "registry"], { cwd: root, encoding: "utf8" }).trim();
  const lock = consumerLock(join(root, "package-lock.json"), join(dir, packed.filename), `../${packed.filename}`, own, extra, registry);
  writeFileSync(join(project, "package-lock.json"), JSON.stringify(lock, null, 2));
  run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"]);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the published package", () => {
  it("ships the build, the bin and the examples, and no tests, bench, CI or sources", () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain("dist/src/index.js");
    expect(paths).toContain("dist/src/index.d.ts");
    expect(paths).toContain("dist/src/index.js.map");
    expect(paths).toContain("dist/src/sandbox/moduleHarness.mjs");
    expect(paths).toContain("dist/matchers/index.d.ts");
    expect(paths.filter((p) => p.startsWith("dist/src/data/reference/")).length).toBe(readdirSync(join(root, "src/data/reference")).length);
    expect(paths).toContain("examples/correct/nnCostFunction.mjs");
    const unwanted = paths.filter(
      (p) => /^(test|bench|scripts|\.ci|src|properties|reports|docs)\//.test(p) || /\.test\./.test(p) || /^examples\/[^/]+\.ts$/.test(p),
    );
    expect(unwanted).toEqual([]);
  });

  it("imports every entry point from ESM and requires each from CommonJS", () => {
    expect(JSON.parse(run(process.execPath, ["esm.mjs"]))).toMatchObject({ passed: true });
    const cjs = JSON.parse(run(process.execPath, ["--no-warnings", "cjs.cjs"]));
    expect(cjs).toMatchObject({ jacobian: true, sizes: 3 });
    expect(cjs.names).toBeGreaterThan(20);
    // ./vitest needs vitest's runner; from CommonJS it still resolves to the build.
    expect(run(process.execPath, ["-p", "require.resolve('gradcheck/vitest')"])).toMatch(/dist\/matchers\/index\.js/);
  });

  it("type-checks a consumer under strict NodeNext with noUncheckedIndexedAccess, zero errors", () => {
    expect(run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", "."])).toBe("");
  });

  it("type-checks the same consumer with the oldest TypeScript it states (peerDependencies), zero errors", () => {
    // Installed beside the consumer's own tree, never into it: a second `typescript` there would
    // take over node_modules/.bin/tsc. The compiler reads the consumer's tsconfig and node_modules.
    const oldest = oldestTypeScript(own.peerDependencies.typescript);
    const prefix = join(project, "typescript-oldest");
    run("npm", [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--ignore-scripts",
      `typescript@${oldest}`,
    ]);
    const tsc = join(prefix, "node_modules/typescript/bin/tsc");
    expect(run(process.execPath, [tsc, "--version"]).trim()).toBe(`Version ${oldest}`);
    expect(run(process.execPath, [tsc, "-p", "."])).toBe("");
  });

  it("runs the consumer's vitest file with the matchers and the properties", () => {
    const out = run(process.execPath, [join(project, "node_modules/vitest/vitest.mjs"), "run", "--reporter=dot"], {
      env: { ...process.env, CI: "true" },
    });
    expect(out).toMatch(/3 passed/);
  });

  it("runs the installed bin without tsx: --version, help, and check on a shipped example", () => {
    const bin = join(project, "node_modules/.bin/gradcheck");
    expect(run(bin, ["--version"]).trim()).toBe(own.version);
    expect(run(bin, ["help"])).toMatch(/gradcheck check SUBMISSION/);
    expect(run(bin, ["check", "node_modules/gradcheck/examples/correct", "--runs", "5"])).toMatch(/passed on 5 random networks/);
    expect(readdirSync(join(project, "node_modules")).includes("tsx")).toBe(false);
  });

  it("shares a large eval among worker threads from the installed package (no loader)", () => {
    const bin = join(project, "node_modules/.bin/gradcheck");
    const [layerSizes, m] = [[120, 60, 10], 2500];
    let s = 3;
    const r = () => ((s = (s * 16807) % 2147483647), s / 2147483647 - 0.5);
    const X = Array.from({ length: m }, () => Array.from({ length: layerSizes[0] }, r));
    const Y = X.map((_, i) => Array.from({ length: 10 }, (_, k) => (k === i % 10 ? 1 : 0)));
    const theta = [0, 1].map((l) => Array.from({ length: layerSizes[l + 1] }, () => Array.from({ length: layerSizes[l] + 1 }, r)));
    const network = { hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy" };
    writeFileSync(join(project, "large.json"), JSON.stringify({ name: "large", layerSizes, ...network, lambda: 1, X, Y, theta }));
    const [one, two] = ["1", "2"].map((t) => JSON.parse(run(bin, ["eval", "--threads", t, "large.json"])));
    expect(two.error).toBeUndefined();
    expect({ ...two, ms: 0 }).toEqual({ ...one, ms: 0 });
  });

  itWith(octave)("checks the Octave example with --profile ex4: the adapter ships in the package", () => {
    const bin = join(project, "node_modules/.bin/gradcheck");
    const out = run(bin, ["check", "node_modules/gradcheck/examples/ex4-octave", "--profile", "ex4", "--runs", "5", "--timeout", "20000"]);
    expect(out).toMatch(/passed on 5 random networks/);
  });

  it("builds the Gradescope autograder from the installed package", () => {
    const bin = join(project, "node_modules/.bin/gradcheck");
    run(bin, ["gradescope", "--seed", "3", "--out", "autograder.zip"]);
    expect(statSync(join(project, "autograder.zip")).size).toBeGreaterThan(0);
  });
});
