import type { Clue } from "./Clue.ts";
import type { Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";

/**
 * ∇J capped at ±c: every wrong entry is exactly ±c with the sign of the exact entry, whose size
 * is larger than c, and every entry smaller than c is right. Needs two wrong entries.
 */
export function clippedGradient(e: Evidence): Clue | undefined {
  let c: number | undefined,
    wrong = 0;
  for (const s of e.samples) {
    const scale = Math.max(...Array.from(s.expected.grad, Math.abs), 1e-300);
    for (let q = 0; q < s.got.grad.length; q++) {
      const got = s.got.grad[q],
        exact = s.expected.grad[q];
      if (Math.abs(got - exact) <= 1e-7 * scale + 1e-12) continue;
      if (Math.sign(got) !== Math.sign(exact) || !(Math.abs(exact) > Math.abs(got))) return undefined;
      c ??= Math.abs(got);
      if (Math.abs(Math.abs(got) - c) > 1e-12 * c) return undefined;
      wrong++;
    }
  }
  if (c === undefined || wrong < 2 || c === 0) return undefined;
  const cap = c;
  const right = e.samples.every((s) => s.expected.grad.every((x, q) => Math.abs(x) <= cap || Math.abs(s.got.grad[q]) === cap));
  if (!right) return undefined;
  const predictions = e.samples.map((s) => ({ grad: s.expected.grad.map((x) => Math.max(-cap, Math.min(cap, x))) }));
  return {
    id: "clipped-gradient",
    value: cap,
    explains: explainedShare(e.samples, predictions),
    message: `every one of the ${wrong} wrong entries of ∇J is ±${cap.toPrecision(6)} exactly, each where the exact entry is larger in size, and every smaller entry is right: ∇J clipped to [−${cap.toPrecision(6)}, ${cap.toPrecision(6)}] (np.clip or a max/min left in?). Confirm by raising the cap: the capped entries will follow it`,
  };
}
