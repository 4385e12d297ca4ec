/** One part of the benchmark report: measured rows plus the notes that explain them. */
export interface BenchRow {
  readonly label: string;
  /** median wall time of one run, milliseconds */
  readonly ms: number;
  /** anything else measured for this row (GFLOP/s, peak memory, speed-up), already formatted */
  readonly extra?: string;
}

export interface BenchSection {
  readonly title: string;
  readonly rows: BenchRow[];
  readonly notes: string[];
}
