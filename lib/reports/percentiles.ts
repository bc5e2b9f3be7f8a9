// Medians and 90th percentiles, as reports show them: PostgreSQL's percentile_cont, the
// continuous percentile. Sorted values v[0] … v[n-1]; the p-th percentile sits at position
// p × (n − 1), interpolated linearly between its two neighbours (the median of 10, 20, 30, 40 is
// 25; their 90th percentile is 37). The report queries compute it in SQL with
// `percentile_cont(0.9) WITHIN GROUP (ORDER BY "seconds")`; this is the same definition, for
// tests and for figures computed in JavaScript. No values: null.

export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(Math.max(fraction, 0), 1) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}

export const median = (values: readonly number[]) => percentileCont(values, 0.5);

export const p90 = (values: readonly number[]) => percentileCont(values, 0.9);
