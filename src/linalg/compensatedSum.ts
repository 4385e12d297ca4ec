/**
 * Σ with Neumaier's compensation (Kahan–Babuška): a cost sums m·K terms of mixed size, and
 * finite differences of J are only as good as J itself. The running error `c` catches what
 * each addition rounds away, whichever of the two addends is larger.
 */
export class CompensatedSum {
  private s = 0;
  private c = 0;

  add(v: number): void {
    const t = this.s + v;
    this.c += Math.abs(this.s) >= Math.abs(v) ? this.s - t + v : v - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

/** The compensated sum of every entry of x. */
export function compensatedSum(x: Float64Array): number {
  const sum = new CompensatedSum();
  for (let q = 0; q < x.length; q++) sum.add(x[q]);
  return sum.value;
}
