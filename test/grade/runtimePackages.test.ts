import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/data/packageRoot.ts";
import { runtimePackages } from "../../src/grade/runtimePackages.ts";
import { tempFolder } from "../helpers/tempFolder.ts";

describe("the packages an autograder packs, found as installed (no lockfile needed)", () => {
  it("in this clone: exactly the production closure package-lock.json records", () => {
    const root = packageRoot();
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; peer?: boolean; optional?: boolean }>;
    };
    const found = runtimePackages(root).map((p) => relative(root, p.dir));
    for (const dir of found) expect(lock.packages[dir], dir).toBeDefined();
    expect(found).toContain("node_modules/ajv");
    expect(found).toContain("node_modules/fast-check");
    expect(found.some((d) => /node_modules\/(vitest|typescript|prettier|tsx)$/.test(d))).toBe(false);
    expect(runtimePackages(root).every((p) => p.packedAt === relative(root, p.dir))).toBe(true);
  });

  it("in an installed package: the dependencies beside it in the project's node_modules, a second version nested", () => {
    const project = tempFolder("installed");
    const pkg = (dir: string, manifest: object) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
      writeFileSync(join(dir, "index.js"), "");
    };
    const modules = join(project, "node_modules");
    pkg(join(modules, "gradcheck"), {
      name: "gradcheck",
      dependencies: { a: "1", b: "2" },
      peerDependencies: { p: "1", q: "1" },
      peerDependenciesMeta: { q: { optional: true } },
    });
    pkg(join(modules, "a"), { name: "a", dependencies: { b: "1" }, optionalDependencies: { missing: "1" } });
    pkg(join(modules, "a", "node_modules", "b"), { name: "b", version: "1" });
    pkg(join(modules, "b"), { name: "b", version: "2" });
    pkg(join(modules, "p"), { name: "p" });
    pkg(join(modules, "q"), { name: "q" });
    const found = runtimePackages(join(modules, "gradcheck")).map((p) => [relative(project, p.dir), p.packedAt]);
    expect(found).toEqual([
      ["node_modules/a", "node_modules/a"],
      ["node_modules/a/node_modules/b", "node_modules/a/node_modules/b"],
      ["node_modules/b", "node_modules/b"],
      ["node_modules/p", "node_modules/p"],
    ]);
  });
});
