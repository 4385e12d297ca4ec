import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSubmission, sandboxAbilities } from "../../src/sandbox/index.ts";
import type { Implementation } from "../../src/sandbox/index.ts";
import { tempFolder } from "../helpers/tempFolder.ts";
import { submissionFixture } from "../helpers/submissionFixture.ts";
import { requireSystem } from "../helpers/requireSystem.ts";

const sandboxed = requireSystem("the bubblewrap sandbox", sandboxAbilities().bwrap, "apt-get install bubblewrap");

const tiny = { params: [0.1, 0.2], layerSizes: [1, 1], X: [[0.5]], y: [1], lambda: 0 };

async function loaded(name: string, callTimeoutMs = 8000): Promise<Implementation> {
  const l = await loadSubmission(submissionFixture(name), { callTimeoutMs });
  if (!l.ok) throw new Error(`${name}: ${l.problem}: ${l.message}`);
  return l.implementation;
}

describe.runIf(sandboxed)("containment", () => {
  const can = sandboxAbilities();

  it("the escape attempts are real: outside the sandbox they succeed", async () => {
    const dir = tempFolder("escape");
    copyFileSync(join(submissionFixture("escape-module"), "nnCostFunction.mjs"), join(dir, "nnCostFunction.mjs"));
    const { nnCostFunction } = await import(join(dir, "nnCostFunction.mjs"));
    const { J } = await nnCostFunction();
    rmSync("/tmp/escaped-by-submission.txt", { force: true });
    rmSync(dir, { recursive: true, force: true });
    expect(J & 63).toBe(63); // all but the network, which this machine may not have at all
  });

  it("a module submission can read only its own folder, write nothing, start no process or worker, and reach no network", async () => {
    const impl = await loaded("escape-module");
    try {
      const o = await impl.call(tiny);
      expect(o.kind).toBe("result");
      // J is the bit mask of what escaped.
      expect(o.kind === "result" ? o.J : -1).toBe(0);
    } finally {
      await impl.close();
    }
  });

  it("a process submission (python3): no reading outside, no writing, no child process or fork, no network", async () => {
    const impl = await loaded("escape-process");
    try {
      const o = await impl.call(tiny);
      expect(o.kind === "result" ? o.J : -1).toBe(0);
      expect(impl.warnings.length === 0).toBe(can.dropUser && can.cgroup !== null);
    } finally {
      await impl.close();
    }
  });

  it("a crash, an exit or a hang ends only the child; the next call gets a fresh one", async () => {
    const impl = await loaded("timeout-some", 500);
    try {
      const hang = await impl.call({ ...tiny, X: [[1], [2], [3], [4], [5], [6]], y: [0, 1, 0, 1, 0, 1] });
      expect(hang).toMatchObject({ kind: "timeout", message: expect.stringMatching(/no answer within 500 ms|CPU time/) });
      const after = await impl.call(tiny);
      expect(after.kind).toBe("result");
    } finally {
      await impl.close();
    }
    const exits = await loaded("exits");
    try {
      expect(await exits.call({ ...tiny, lambda: 1 })).toMatchObject({
        kind: "crashed",
        message: expect.stringMatching(/exited with code 0 during the call/),
      });
      expect((await exits.call(tiny)).kind).toBe("result");
    } finally {
      await exits.close();
    }
  });

  it("calls sent together are answered in order, each as a single call; they stop where the child ended", async () => {
    const other = { ...tiny, params: [-0.3, 0.7] };
    const deep = { ...tiny, params: Array(7).fill(0.1), layerSizes: [1, 2, 1] };
    const throws = await loaded("throws-some");
    try {
      const alone = [await throws.call(tiny), await throws.call(deep), await throws.call(other)];
      // a throw ends nothing: the calls after it are answered
      const together = await throws.callEach!([tiny, deep, other, tiny]);
      expect(together.map((o) => o.kind)).toEqual(["result", "threw", "result", "result"]);
      expect(together.slice(0, 3)).toEqual(alone);
      expect(together[3]).toEqual(alone[0]);
    } finally {
      await throws.close();
    }
    const exits = await loaded("exits");
    try {
      const together = await exits.callEach!([tiny, other, { ...tiny, lambda: 1 }, tiny, other]);
      expect(together.map((o) => o.kind)).toEqual(["result", "result", "crashed"]);
      expect(together[2]).toMatchObject({ message: expect.stringMatching(/exited with code 0 during the call/) });
      // the next batch gets a fresh child
      expect((await exits.callEach!([other, tiny])).map((o) => o.kind)).toEqual(["result", "result"]);
    } finally {
      await exits.close();
    }
    const hangs = await loaded("timeout-some", 500);
    try {
      const six = { ...tiny, X: [[1], [2], [3], [4], [5], [6]], y: [0, 1, 0, 1, 0, 1] };
      const together = await hangs.callEach!([tiny, six, tiny]);
      expect(together.map((o) => o.kind)).toEqual(["result", "timeout"]);
      expect((await hangs.call(tiny)).kind).toBe("result");
    } finally {
      await hangs.close();
    }
  });

  it("memory is bounded: a hoarding submission is stopped alone, with a memory-limit outcome", async () => {
    const impl = await loaded("memory-hog", 20_000);
    try {
      const o = await impl.call(tiny);
      expect(o).toMatchObject({ kind: "memory-limit", message: expect.stringMatching(/memory limit/) });
    } finally {
      await impl.close();
    }
  });

  it.runIf(
    requireSystem(
      "a writable cgroup",
      sandboxAbilities().cgroup !== null,
      "run as root with cgroup v1, or delegate the v2 cpu and memory controllers",
    ),
  )("CPU time is limited per call beside the wall clock", async () => {
    const l = await loadSubmission(submissionFixture("timeout-some"), { callTimeoutMs: 600_000, cpuTimeoutMs: 300 });
    if (!l.ok) throw new Error(l.message);
    try {
      const spin = await l.implementation.call({ ...tiny, X: [[1], [2], [3], [4], [5], [6]], y: [0, 1, 0, 1, 0, 1] });
      expect(spin).toMatchObject({ kind: "timeout", message: expect.stringMatching(/used more than 300 ms of CPU time on one call/) });
      expect((await l.implementation.call(tiny)).kind).toBe("result");
    } finally {
      await l.implementation.close();
    }
  });

  it("inputs are fresh copies each call, and mutation is reported", async () => {
    const impl = await loaded("mutates");
    try {
      const request = { params: [0.1, 0.2], layerSizes: [1, 1], X: [[0.5]], y: [1], lambda: 0 };
      const o = await impl.call(request);
      expect(o).toMatchObject({ kind: "result", mutated: ["params", "X"] });
      expect(request.params).toEqual([0.1, 0.2]);
    } finally {
      await impl.close();
    }
  });

  it("lines forged on the answer channel without the key are ignored", async () => {
    const impl = await loaded("forge");
    try {
      const o = await impl.call(tiny);
      const honest = await loaded("noise");
      const right = await honest.call(tiny);
      await honest.close();
      // the forged lines carried the right gradient; the accepted answer is the doubled one
      expect(o.kind === "result" && right.kind === "result" && o.grad[0] === 2 * right.grad[0]).toBe(true);
    } finally {
      await impl.close();
    }
  });

  it("a TypeScript submission with a syntax error is reported with its file and line", async () => {
    const dir = tempFolder("ts-syntax");
    writeFileSync(join(dir, "nnCostFunction.ts"), "export function nnCostFunction(params: Float64Array) {\n  return { J: 0 +* 1 };\n}\n");
    const l = await loadSubmission(dir);
    expect(l).toMatchObject({ ok: false, problem: "syntax-error", message: expect.stringMatching(/nnCostFunction\.ts:2:\d+/) });
  });
});
