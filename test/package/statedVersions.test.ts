import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

/**
 * The versions a user needs are stated where npm and people look, and they agree: `engines`
 * for Node (which npm enforces) and for TypeScript (which it only shows), an optional peer
 * dependency for the TypeScript that compiles against the declarations (npm refuses an older one
 * beside it; test/package/package.e2e.test.ts compiles a consumer with exactly that one), and
 * the README's install section for people.
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const manifest = JSON.parse(read("package.json"));
const readme = read("README.md");

it("names Node's minimum in engines and in the README", () => {
  expect(manifest.engines.node).toBe(">=20.19");
  expect(readme).toContain("Node ≥ 20.19");
});

it("names TypeScript's minimum as an optional peer dependency and in the README", () => {
  expect(manifest.peerDependencies.typescript).toMatch(/^>=\d+\.\d+\.\d+$/);
  expect(manifest.peerDependenciesMeta.typescript).toEqual({ optional: true });
  expect(manifest.engines.typescript).toBe(manifest.peerDependencies.typescript);
  expect(readme).toContain(`TypeScript ≥ ${manifest.peerDependencies.typescript.slice(2)}`);
});
