import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSubmission, sandboxAbilities } from "../../src/sandbox/index.ts";
import { hangBudgetMsFor } from "../../src/sandbox/hangBudget.ts";
import type { CallOutcome } from "../../src/sandbox/Implementation.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { requireSystem } from "../helpers/requireSystem.ts";

const sandboxed = requireSystem("the bubblewrap sandbox", sandboxAbilities().bwrap, "apt-get install bubblewrap");
const tiny = { params: [0.1, 0.2], layerSizes: [1, 1], X: [[0.5]], y: [1], lambda: 0 };

describe.runIf(sandboxed)("the time a hanging submission may cost", () => {
  it("calls that get no answer share one budget; once it is spent, later calls fail at once without running", async () => {
    const dir = tempFolder("hangs");
    // asleep, not spinning: stopped at the wall-clock limit however busy the machine is
    const sleepsForever = "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)";
    writeFileSync(join(dir, "nnCostFunction.mjs"), `export const nnCostFunction = () => ${sleepsForever};\n`);
    const loaded = await loadSubmission(dir, { callTimeoutMs: 200, hangBudgetMs: 700 });
    if (!loaded.ok) throw new Error(loaded.message);
    const outcomes: CallOutcome[] = [];
    try {
      expect(loaded.implementation.exhausted?.()).toBe(false);
      for (let k = 0; k < 12; k++) outcomes.push(await loaded.implementation.call(tiny));
      expect(loaded.implementation.exhausted?.()).toBe(true);
    } finally {
      await loaded.implementation.close();
    }
    expect(outcomes.every((o) => o.kind === "timeout")).toBe(true);
    const ran = outcomes.filter((o) => o.kind === "timeout" && !o.message.startsWith("not run"));
    // 700 ms buys at most three 200 ms limits and a shortened fourth; restarts are charged too
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(ran.length).toBeLessThanOrEqual(4);
    expect(outcomes.at(-1)).toMatchObject({ message: expect.stringMatching(/^not run: the submission already spent its 0\.7 s/) });
  }, 60_000);

  it("by default, a retry of the call limit, and never less than 40 s", () => {
    expect(hangBudgetMsFor(5000)).toBe(40_000);
    expect(hangBudgetMsFor(30_000)).toBe(60_000);
  });
});
