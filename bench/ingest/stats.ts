// Small number helpers for the load benchmark.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return "-";
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function mb(bytes: number | null): string {
  return bytes === null ? "-" : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export const sleep = (delayMs: number) => new Promise<void>((resolve) => setTimeout(resolve, delayMs));

/** Status counts keyed "200", "503", "error", "timeout"…, printed in a stable order. */
export type TStatusCounts = Map<string, number>;

export function countStatus(counts: TStatusCounts, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function formatStatuses(counts: TStatusCounts): string {
  const keys = [...counts.keys()].sort((a, b) => (a === "200" ? -1 : b === "200" ? 1 : a.localeCompare(b)));
  return keys.map((key) => `${key}:${counts.get(key)}`).join(" ") || "-";
}

/** 5xx answers other than 503 (503 is the polite "busy, retry" a target may give). */
export function other5xx(counts: TStatusCounts): number {
  let total = 0;
  for (const [key, count] of counts) if (/^5\d\d$/.test(key) && key !== "503") total += count;
  return total;
}

export function nonOk(counts: TStatusCounts): number {
  let total = 0;
  for (const [key, count] of counts) if (key !== "200") total += count;
  return total;
}

/** The first answer body seen for each status other than 200. */
export type TSamples = Map<string, string>;

export function keepSample(samples: TSamples, status: string, body: string | undefined): void {
  if (status !== "200" && !samples.has(status)) samples.set(status, (body ?? "").replace(/\s+/g, " ").trim());
}
