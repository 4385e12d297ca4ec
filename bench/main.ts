// `npm run bench`: every performance figure of gradcheck, measured side by side in one run,
// printed and saved to reports/bench/latest.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { fileURLToPath } from "node:url";
import { backpropBench } from "./backprop.ts";
import { ex4CheckBench } from "./ex4Check.ts";
import { fdBench } from "./fd.ts";
import { fmaPeakBench } from "./fmaPeak.ts";
import { gradeBench } from "./grade.ts";
import { productsBench } from "./products.ts";
import { smallCheckBench } from "./smallCheck.ts";
import { startupBench } from "./startup.ts";
import { tapeBench } from "./tape.ts";
import { trainBench } from "./train.ts";
import type { BenchSection } from "./section.ts";

import { relaxedSimdAccepted } from "../src/linalg/simdGemm.ts";

// As the command line does: fused multiply-add where Node 20 needs a flag for it.
if (!relaxedSimdAccepted()) setFlagsFromString("--experimental-wasm-relaxed-simd");

const sections: BenchSection[] = [];
const collect = async (name: string, run: () => Promise<BenchSection | BenchSection[]>) => {
  process.stderr.write(`measuring ${name}…\n`);
  const got = await run();
  for (const section of Array.isArray(got) ? got : [got]) {
    sections.push(section);
    process.stdout.write(render(section) + "\n");
  }
};

function render(s: BenchSection): string {
  const width = Math.max(...s.rows.map((r) => r.label.length));
  const lines = [`## ${s.title}`, "", `| ${"method".padEnd(width)} | median ms | |`, `|${"-".repeat(width + 2)}|----------:|---|`];
  for (const r of s.rows)
    lines.push(`| ${r.label.padEnd(width)} | ${(r.ms < 1 ? r.ms.toFixed(3) : r.ms.toFixed(1)).padStart(9)} | ${r.extra ?? ""} |`);
  lines.push("", ...s.notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}

const load = loadavg()[0];
const header =
  `# gradcheck benchmark\n\n${new Date().toISOString()} · Node ${process.version} · ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} · ` +
  `load average ${load.toFixed(1)} at the start${load > cpus().length / 2 ? " (a busy machine: figures are noisy, compare rows of one run only)" : ""}\n`;
process.stdout.write(header + "\n");
await collect("start-up", startupBench);
await collect("the f64x2 fused multiply-add peak", fmaPeakBench);
await collect("backprop vs PyTorch and tfjs", backpropBench);
await collect("each product", productsBench);
await collect("the small-network check", smallCheckBench);
await collect("check --profile ex4 by language", ex4CheckBench);
await collect("tape vs backprop", tapeBench);
await collect("finite differences", fdBench);
await collect("gradcheck train", trainBench);
await collect("grade", gradeBench);

const dir = fileURLToPath(new URL("../reports/bench/", import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(dir + "latest.json", JSON.stringify({ date: new Date().toISOString(), node: process.version, sections }, null, 2));
writeFileSync(dir + "latest.md", [header, ...sections.map(render)].join("\n"));
process.stderr.write(`saved reports/bench/latest.json and latest.md\n`);
