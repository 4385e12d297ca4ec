import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../helpers/tempFolder.ts";

/**
 * Every ```ts example of docs/api.md and docs/checker.md runs against the sources (the package
 * names mapped to src/index.ts, properties/ and matchers/): each states its results with
 * node:assert or expect, so an example that drifts from the API fails here.
 */
const root = new URL("../../", import.meta.url).pathname;
/** Every ```ts block of a doc, titled by the heading above it (numbered when a section has several). */
const examplesOf = (doc: string) =>
  [...doc.matchAll(/^(#{2,3}) (.+)$|^```ts\n([\s\S]*?)^```/gm)].reduce<{
    heading: string;
    list: { title: string; code: string }[];
  }>(
    (acc, m) => {
      if (m[2] !== undefined) return { ...acc, heading: m[2] };
      const same = acc.list.filter((e) => e.title.startsWith(acc.heading)).length;
      acc.list.push({ title: same ? `${acc.heading} (${same + 1})` : acc.heading, code: m[3]! });
      return acc;
    },
    { heading: "", list: [] },
  ).list;
const examples = examplesOf(readFileSync(join(root, "docs/api.md"), "utf8"));
const checkerExamples = examplesOf(readFileSync(join(root, "docs/checker.md"), "utf8"));
const entries: Record<string, string> = {
  gradcheck: join(root, "src/index.ts"),
  "gradcheck/properties": join(root, "properties/index.ts"),
  "gradcheck/vitest": join(root, "matchers/index.ts"),
};

describe("docs/api.md", () => {
  it("has an example for each entry point", () => {
    for (const entry of Object.keys(entries))
      expect(
        examples.some((e) => e.code.includes(`"${entry}"`)),
        entry,
      ).toBe(true);
  });

  it.each(examples.map((e) => [e.title, e.code] as const))("%s", (_title, code) => runExample(code));
});

describe("docs/checker.md", () => {
  it.each(checkerExamples.map((e) => [e.title, e.code] as const))("%s", (_title, code) => runExample(code));
});

async function runExample(code: string): Promise<void> {
  const source = code.replace(/(from |import )"(gradcheck(?:\/\w+)?)"/g, (all, keyword: string, name: string) =>
    entries[name] ? `${keyword}${JSON.stringify(entries[name])}` : all,
  );
  const file = join(tempFolder("api-example"), "example.ts");
  writeFileSync(file, source);
  await import(file);
}
