import { describe, expect } from "vitest";
import { checkCommand } from "../../src/cli/checkCommand.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

interface CheckJson {
  passed: boolean;
  submission: string;
  findings: { problem: string; check?: string; wrongParts?: string[]; where?: { name: string; column: number; courseName?: string } }[];
}

/** `gradcheck check FOLDER --profile dlai --seed S --json`, and the text report beside it. */
async function check(folder: string, seed: number): Promise<{ json: CheckJson; text: string; exit: number }> {
  const words = [`examples/${folder}`, "--profile", "dlai", "--seed", String(seed)];
  const json: string[] = [],
    text: string[] = [];
  const exit = await checkCommand([...words, "--json"], (l) => json.push(l));
  await checkCommand(words, (l) => text.push(l));
  return { json: JSON.parse(json.join("\n")) as CheckJson, text: text.join("\n"), exit };
}

describe("--profile dlai, variant gradient-checking: forward_propagation_n and backward_propagation_n", () => {
  for (const seed of [1, 2, 3]) {
    itWith(numpy)(
      `the correct notebook export passes (seed ${seed})`,
      async () => {
        const { json, exit } = await check("dlai-gradient-checking", seed);
        expect(json).toMatchObject({ passed: true, submission: "dlai gradient-checking Gradient_Checking.py" });
        expect(exit).toBe(0);
      },
      180_000,
    );
  }

  for (const seed of [1, 2]) {
    itWith(numpy)(
      `the notebook's planted mistakes (dW2 doubled, db1 four times) fail, the entries named (seed ${seed})`,
      async () => {
        const { json, text, exit } = await check("dlai-gradient-checking-buggy", seed);
        expect(exit).toBe(1);
        const a = json.findings.find((f) => f.problem === "gradient-mismatch");
        expect(a?.check).toBe("a");
        // db1 is Θ⁽¹⁾'s bias column, dW2 Θ⁽²⁾'s weights; Θ⁽³⁾ is right
        expect(a?.wrongParts?.[0]).toBe("Θ⁽¹⁾ bias");
        expect(a?.wrongParts?.[1]).toMatch(/^Θ⁽²⁾ weight/);
        expect(a?.wrongParts).toHaveLength(2);
        expect(a?.where).toMatchObject({ column: 0, courseName: "db1[0]" });
        // the report speaks the notebook's names: db1, dW2, lambd
        expect(text).toContain("the largest at db1[0] (bias column)");
        expect(text).toMatch(/\(db1 only; dW2 (only|weight column)/);
        expect(text).toMatch(/minimal counterexample: .*, lambd = 0/);
        expect(json.findings.map((f) => f.problem)).toContain("self-inconsistent");
      },
      180_000,
    );
  }
});
