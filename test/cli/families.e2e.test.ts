import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/checkCommand.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const doc = readFileSync(new URL("../../docs/check.md", import.meta.url), "utf8");
const octave = systemFile("octave", "/usr/bin/octave-cli");

/** The one-example-per-family command lines, exactly as README.md and docs/check.md print them. */
const commands = [...readme.matchAll(/^npx gradcheck check (examples\/(?:families\/[\w-]+|ex4-octave)[^#\n]*?)\s*(?:#.*)?$/gm)].map((m) =>
  m[1].trim().split(/\s+/),
);

describe("one example per family, as the docs show them", () => {
  it("the README shows five, and docs/check.md the same command lines", () => {
    expect(commands.length).toBe(5);
    for (const words of commands) expect(doc).toContain(`npx gradcheck check ${words.join(" ")}`);
  });
  for (const words of commands) {
    const needsOctave = words[0].includes("octave");
    (needsOctave ? itWith(octave) : it)(
      `gradcheck check ${words.join(" ")} passes (exit 0)`,
      async () => {
        const lines: string[] = [];
        const code = await checkCommand([...words, "--runs", "30", "--timeout", "20000"], (l) => lines.push(l));
        expect(code, lines.join("\n")).toBe(0);
      },
      300_000,
    );
  }
  it("the softmax example checked without its flags fails: the family is what the flags state", async () => {
    const lines: string[] = [];
    expect(await checkCommand(["examples/families/softmax-relu", "--runs", "30"], (l) => lines.push(l))).toBe(1);
  }, 120_000);
  it("a wrong flag value is a usage error naming the flag", async () => {
    await expect(checkCommand(["examples/correct", "--output", "softmax"], () => {})).rejects.toThrow(
      /^--output: expected one of sigmoid-cross-entropy/,
    );
  });
});
