import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";

/** One package a packed gradcheck needs at run time: where it is, and where it goes in the pack. */
export interface RuntimePackage {
  /** absolute folder of the package */
  readonly dir: string;
  /** its place relative to the packed gradcheck, e.g. node_modules/ajv */
  readonly packedAt: string;
}

/**
 * gradcheck's dependencies and required peer dependencies, and theirs, found the way Node
 * finds them: the nearest node_modules/NAME up from the package that needs it. This reads what
 * is installed rather than package-lock.json, so it works in a clone and in an installed
 * package alike (npm never packs the lockfile; there the dependencies sit beside gradcheck, in
 * the project's own node_modules). Each lands at node_modules/NAME in the pack, or under its
 * dependent's node_modules when another version already holds that name. Optional dependencies
 * that are not installed are skipped, as npm skips them.
 */
export function runtimePackages(root: string, only?: readonly string[]): RuntimePackage[] {
  const manifest = readManifest(root);
  // `only`: the packages a command loads (the autograder's), instead of every dependency
  const wanted = only ?? [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !manifest.peerDependenciesMeta?.[n]?.optional),
  ];
  const base = layoutBase(root);
  const found = new Map<string, RuntimePackage>();
  const visit = (from: string, name: string) => {
    const dir = locate(from, name);
    if (!dir || found.has(dir)) return;
    found.set(dir, { dir, packedAt: packedPlace(base, dir, name) });
    const info = readManifest(dir);
    for (const dep of [...Object.keys(info.dependencies ?? {}), ...Object.keys(info.optionalDependencies ?? {})]) visit(dir, dep);
  };
  for (const name of wanted) visit(root, name);
  return [...found.values()].sort((p, q) => p.packedAt.localeCompare(q.packedAt));
}

/** A clone lays out its dependencies below itself; an installed package's sit in the project, two folders up. */
function layoutBase(root: string): string {
  return basename(dirname(root)) === "node_modules" ? dirname(dirname(root)) : root;
}

/** The package's path from the base, which is npm's layout; a package outside it (a global folder) at node_modules/NAME. */
function packedPlace(base: string, dir: string, name: string): string {
  const path = relative(base, dir);
  return path.startsWith("..") || isAbsolute(path) ? `node_modules/${name}` : path.split(sep).join("/");
}

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** Node's lookup: dir/node_modules/name, then the same from each parent folder up to the root. */
function locate(from: string, name: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
