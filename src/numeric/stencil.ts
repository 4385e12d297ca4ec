import type { StencilMethod } from "./FdMethod.ts";

/**
 * Weights of the first derivative on an integer grid: the c with Σ_k c_k·g_k^j = j!·[j = 1]
 * for j < n, solved exactly enough in float64 for the small grids used here. The first
 * moment that does not vanish gives the order and the constant of the truncation error.
 */
export function stencil(name: string, grid: readonly number[]): StencilMethod {
  const n = grid.length;
  if (n < 2) throw new RangeError("a stencil needs at least two points");
  // Augmented Vandermonde system V c = e₁, V[j][k] = g_k^j.
  const V = Array.from({ length: n }, (_, j) => [...grid.map((g) => g ** j), j === 1 ? 1 : 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(V[r][col]) > Math.abs(V[pivot][col])) pivot = r;
    [V[col], V[pivot]] = [V[pivot], V[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = V[r][col] / V[col][col];
      for (let c = col; c <= n; c++) V[r][c] -= f * V[col][c];
    }
  }
  const coefs = V.map((row, k) => row[n] / row[k]);
  let order = n - 1,
    truncationConstant = 0;
  for (let j = n; j < n + 4; j++) {
    const moment = coefs.reduce((s, c, k) => s + c * grid[k] ** j, 0);
    if (Math.abs(moment) > 1e-9) {
      order = j - 1;
      truncationConstant = moment / factorial(j);
      break;
    }
  }
  const symmetric = grid.every((g, k) => Math.abs(coefs[k] + coefs[grid.indexOf(-g)]) < 1e-12 || g === 0);
  return { kind: "stencil", name, grid, coefs, order, truncationConstant, symmetric };
}

function factorial(j: number): number {
  let f = 1;
  for (let i = 2; i <= j; i++) f *= i;
  return f;
}

/** Central differences on points −(p−1)/2 … (p−1)/2; p odd ≥ 3. `centralFdm(3)` is (f(x+h) − f(x−h)) / 2h. */
export function centralFdm(points = 3): StencilMethod {
  if (points < 3 || points % 2 === 0) throw new RangeError(`central differences need an odd number ≥ 3 of points, got ${points}`);
  const half = (points - 1) / 2;
  return stencil(
    `central ${points}-point`,
    Array.from({ length: points }, (_, k) => k - half),
  );
}

/** One-sided differences on 0 … p−1 (forward) — for points where f is only defined on one side. */
export function forwardFdm(points = 2): StencilMethod {
  return stencil(
    `forward ${points}-point`,
    Array.from({ length: points }, (_, k) => k),
  );
}

export function backwardFdm(points = 2): StencilMethod {
  return stencil(
    `backward ${points}-point`,
    Array.from({ length: points }, (_, k) => k - points + 1),
  );
}

/**
 * Central differences at a step the caller chooses (`eps`, as torch.autograd.gradcheck takes
 * it), instead of the step that balances round-off against truncation. The error bound is
 * still reported for that step: a poor eps shows as a large bound, not as a silent failure.
 */
export function fixedStep(eps: number, base: StencilMethod = centralFdm(3)): StencilMethod {
  if (!(eps > 0) || !Number.isFinite(eps)) throw new RangeError(`eps must be a positive finite step, got ${eps}`);
  return { ...base, name: `${base.name} at h = ${eps}`, step: eps };
}
