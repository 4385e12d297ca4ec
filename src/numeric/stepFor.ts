import type { StencilMethod } from "./FdMethod.ts";

/**
 * The step that balances truncation, |C|·h^q·M, against round-off, Σ|c_k|·ε_f / h, where M
 * bounds |f^(q+1)|. With M unknown it is taken as |f| / max(1, |x_i|)^(q+1) — f varies on the
 * scale of x_i or of 1, whichever is larger — which gives
 *
 *     h = max(1, |x_i|) · (Σ|c_k|·(ε_f/|f|) / (q·|C|))^(1/(q+1))        (≈ 2e-5·max(1, |x_i|) for central 3-point)
 *
 * rounded down to a power of two so that x_i ± g·h is exact in binary for the small grids used.
 */
export function stepFor(method: StencilMethod, xi: number, relativeAccuracy: number): number {
  if (method.step !== undefined) return method.step;
  const sumAbs = method.coefs.reduce((s, c) => s + Math.abs(c), 0);
  const q = method.order;
  const hRel = ((sumAbs * relativeAccuracy) / (q * Math.abs(method.truncationConstant))) ** (1 / (q + 1));
  return powerOfTwoBelow(hRel * Math.max(1, Math.abs(xi)));
}

export function powerOfTwoBelow(h: number): number {
  return 2 ** Math.floor(Math.log2(h));
}
