import { execFileSync } from "node:child_process";
import { describe, expect } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { replaySnippet } from "../../src/report/replaySnippet.ts";
import { caseFileOf } from "../../src/judge/caseFileOf.ts";
import { diagnosticCases } from "../../src/judge/diagnose.ts";
import { encodeParams } from "../../src/judge/parameterLayout.ts";
import { parameterLayouts } from "../../src/judge/Assignment.ts";
import { unroll } from "../../src/network/theta.ts";
import { itWith, systemFile } from "../helpers/requireSystem.ts";

const numpy = systemFile("python3-numpy", "/usr/lib/python3/dist-packages/numpy/__init__.py");

describe("the numpy replay snippet builds params as the assignment's layout sends them", () => {
  const c = diagnosticCases[1];
  const ce = caseFileOf(c, batchBackprop(c, c.theta));
  for (const layout of parameterLayouts) {
    itWith(numpy)(`${layout}: the snippet's params are gradcheck's, and its labels`, () => {
      const lines = replaySnippet(ce, "numpy", { layout, labels: "1-based" });
      const program = [
        ...lines,
        "import json",
        'to_list = lambda p: [{"W": q["W"].tolist(), "b": q["b"].tolist()} for q in p] if isinstance(p, list) else p.tolist()',
        'print(json.dumps({"params": to_list(params), "y": y.tolist()}))',
      ].join("\n");
      const out = JSON.parse(execFileSync("/usr/bin/python3", ["-c", program], { encoding: "utf8" }));
      expect(out.params).toEqual(JSON.parse(JSON.stringify(encodeParams(unroll(c.theta), c.layerSizes, layout))));
      expect(out.y).toEqual(c.labels.map((k) => k + 1));
    });
  }
});
