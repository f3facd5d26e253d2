// Latency figures: percentiles over the recorded samples, and fixed-width printing.

export interface LatencyStats {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of milliseconds; NaN when there is no sample. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function latencyStats(samplesMs: readonly number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** The middle sample (the mean of the two middle ones for an even count); NaN when there is none. */
export function median(samplesMs: readonly number[]): number {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** median, min and max of the samples, as table cells */
export function spreadCells(samplesMs: readonly number[]): string[] {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return [ms(median(sorted)), ms(sorted[0] ?? NaN), ms(sorted[sorted.length - 1] ?? NaN)];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Prints rows as an aligned table: first row is the header. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  for (const row of rows) {
    console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  '));
  }
}
