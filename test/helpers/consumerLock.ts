import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/**
 * A package-lock for a consumer project that depends on the packed tarball and on `extra`
 * packages of gradcheck's own lockfile. `npm ci --offline` then installs it from the npm cache
 * that gradcheck's own `npm ci` filled (`registry` only names the tarballs, as npm's cache
 * keys them): no registry is asked, so the test runs anywhere the
 * suite runs. The entries are the dependency closure, resolved the way Node resolves them.
 */
export function consumerLock(
  ownLockFile: string,
  tarball: string,
  tarballName: string,
  manifest: LockEntry,
  extra: Record<string, string>,
  registry: string,
): object {
  const own = JSON.parse(readFileSync(ownLockFile, "utf8")) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {};
  const needed = (from: string, name: string, optional: boolean): void => {
    // Node's lookup: from/node_modules/name, then each ancestor's node_modules, then the top.
    let base = from;
    for (;;) {
      const path = `${base ? base + "/" : ""}node_modules/${name}`;
      if (own.packages[path]) return visit(path);
      if (!base) break;
      const i = base.lastIndexOf("/node_modules/");
      base = i < 0 ? "" : base.slice(0, i);
    }
    if (!optional) throw new Error(`${name} (needed by ${from || "the consumer"}) is not in gradcheck's lockfile`);
  };
  const visit = (path: string): void => {
    if (packages[path]) return;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = own.packages[path]!;
    // With the tarball's address beside its integrity, npm needs no package metadata: the
    // cache holds the tarball under its integrity, so nothing is asked of the registry.
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!entry.resolved && entry.version && entry.integrity)
      entry.resolved = `${registry.replace(/\/?$/, "/")}${name}/-/${name.split("/").pop()}-${entry.version}.tgz`;
    packages[path] = entry;
    for (const name of Object.keys(entry.dependencies ?? {})) needed(path, name, false);
    for (const name of Object.keys(entry.optionalDependencies ?? {})) needed(path, name, true);
    for (const name of Object.keys(entry.peerDependencies ?? {})) needed(path, name, entry.peerDependenciesMeta?.[name]?.optional === true);
  };
  for (const name of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]) {
    needed("", name, manifest.peerDependenciesMeta?.[name]?.optional === true);
  }
  for (const name of Object.keys(extra)) needed("", name, false);
  const integrity = "sha512-" + createHash("sha512").update(readFileSync(tarball)).digest("base64");
  const { version, license, dependencies: deps, peerDependencies, peerDependenciesMeta, bin, engines } = manifest;
  packages["node_modules/gradcheck"] = {
    version,
    resolved: `file:${tarballName}`,
    integrity,
    license,
    dependencies: deps,
    peerDependencies,
    peerDependenciesMeta,
    bin,
    engines,
  };
  const dependencies = { gradcheck: `file:${tarballName}`, ...extra };
  packages[""] = { name: "consumer", dependencies };
  return { name: "consumer", lockfileVersion: 3, requires: true, packages };
}
