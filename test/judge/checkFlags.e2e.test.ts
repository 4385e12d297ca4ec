import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/checkCommand.ts";

const example = (name: string) => join(new URL("../../examples/", import.meta.url).pathname, name);

async function check(...words: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await checkCommand(words, (l) => lines.push(l));
  return { code, text: lines.join("\n") };
}

describe("gradcheck check --allow-unstable-cost and --precision", () => {
  it("a naive log fails with exit 1 by default, as unstable-cost", async () => {
    const { code, text } = await check(example("naive-log"), "--runs", "40");
    expect(text).toMatch(/Cost unstable where outputs saturate: J is (Infinity|NaN) where the exact cost is/);
    expect(code).toBe(1);
  });

  it("with --allow-unstable-cost it passes, exit 0, with a warning that says how often", async () => {
    const { code, text } = await check(example("naive-log"), "--runs", "40", "--allow-unstable-cost");
    expect(text).toMatch(/warning: unstable-cost \(allowed\): on \d+ networks? J was wrong only where outputs saturate/);
    expect(text).toMatch(/replay: .* --allow-unstable-cost/);
    expect(code).toBe(0);
  });

  it("--profile ex4 allows a naive log as --allow-unstable-cost does: exit 0 with the warning, the profile in the replay line", async () => {
    const { code, text } = await check(example("naive-log"), "--runs", "40", "--profile", "ex4");
    expect(text).toMatch(/warning: unstable-cost \(allowed\): on \d+ networks? J was wrong only where outputs saturate/);
    expect(text).toMatch(/replay: .* --profile ex4$/m);
    expect(text).not.toMatch(/replay: .* --allow-unstable-cost/);
    expect(code).toBe(0);
  });

  it("--precision takes float64 or float32 and nothing else", async () => {
    await expect(check(example("naive-log"), "--precision", "float16")).rejects.toThrow(
      /--precision expects float64 or float32, got float16/,
    );
  });
});
