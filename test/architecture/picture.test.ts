import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileTouchers, tierChain, tierOf, tierPicture, tiers } from "../helpers/tiers.ts";

/**
 * The picture is the code: docs/architecture.md's picture and list of folders that touch files,
 * and the README's layout, chain and file sentence, all say what the tier list the architecture
 * test enforces says. A folder moved in one and not the others fails here.
 */
const root = join(import.meta.dirname, "../..");
const architecture = readFileSync(join(root, "docs/architecture.md"), "utf8");
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The README's layout block: the units of src/ in the order its lines name them. */
function layoutOrder(text: string): string[] {
  const block = text.slice(text.indexOf("## Layout")).split("```")[1] ?? "";
  return [...block.matchAll(/^src\/(\S+)/gm)].map((m) => m[1]!).filter((name) => name !== "index.ts");
}

describe("docs/architecture.md and the README draw the tier list", () => {
  it("the picture is the tier list, highest first", () => {
    const picture = architecture.slice(architecture.indexOf("## The picture")).split("```")[1];
    expect(picture?.trim()).toBe(tierPicture());
  });

  it("the list of folders that touch files is the tier list's, reasons included", () => {
    expect(architecture).toContain(fileTouchers());
  });

  it("the README's chain is the tier list, highest first", () => {
    expect(readme).toContain(`    ${tierChain()}\n`);
  });

  it("the README's layout names every folder once, lowest tier first", () => {
    const order = layoutOrder(readme);
    expect([...order].sort()).toEqual(
      tiers
        .flat()
        .map((u) => u.name)
        .sort(),
    );
    const ranks = order.map((name) => tierOf.get(name)!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("the README says which folders touch files, and only those", () => {
    const sentence = /Only ((?:`\w+`(?:, | and )?)+) touch files/.exec(readme.replace(/\s+/g, " "));
    const named = [...(sentence?.[1] ?? "").matchAll(/`(\w+)`/g)].map((m) => m[1]!);
    expect(named.sort()).toEqual(
      tiers
        .flat()
        .filter((u) => u.files !== undefined)
        .map((u) => u.name)
        .sort(),
    );
  });

  it("the layout check sees a folder out of order", () => {
    const swapped = "## Layout\n\n```\nsrc/cli   x\nsrc/linalg  y\n```\n";
    const ranks = layoutOrder(swapped).map((name) => tierOf.get(name)!);
    expect(ranks).not.toEqual([...ranks].sort((a, b) => a - b));
  });
});
