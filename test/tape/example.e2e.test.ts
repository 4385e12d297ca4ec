import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the README's tape example", () => {
  it("runs, and the tape's gradient matches the closed form printed beside it", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "examples/tape-logistic-regression.ts"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const numbers = (label: string) => {
      const line = run.stdout.split("\n").find((l) => l.startsWith(label))!;
      return line
        .slice(line.indexOf("=") + 1)
        .replace(/[[\]]/g, "")
        .split(",")
        .map(Number);
    };
    const [J] = numbers("J(θ)"),
      tape = numbers("∂J/∂θ by the tape"),
      byHand = numbers("∂J/∂θ by hand");
    expect(J).toBeCloseTo(0.7420753641388198, 12);
    expect(tape).toHaveLength(3);
    tape.forEach((g, j) => expect(Math.abs(g - byHand[j])).toBeLessThan(1e-12));
  });
});
