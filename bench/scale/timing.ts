// Timing requests one at a time, and the table the scale benchmark prints.

export type TTiming = { p50: number; p95: number; bytes: number };
export type TRow = { name: string; target: number | null; result: TTiming | string; floor?: number | undefined };

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function getText(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.replace(/\s+/g, " ").slice(0, 100)}`);
  return body;
}

/** Two warm-up requests, then `runs` timed ones, one at a time; any answer but 200 stops the case. */
export async function time(url: string, cookie: string | undefined, runs: number): Promise<TTiming | string> {
  try {
    await getText(url, cookie);
    let bytes = (await getText(url, cookie)).length;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      bytes = (await getText(url, cookie)).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function printTable(rows: TRow[]): void {
  const width = Math.max(40, ...rows.map((r) => r.name.length));
  console.log(
    `\n${"case".padEnd(width)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"target".padStart(8)} ${"× floor".padStart(8)} ${"bytes".padStart(8)}`,
  );
  for (const { name, target, result, floor } of rows) {
    if (typeof result === "string") {
      console.log(`${name.padEnd(width)} failed: ${result}`);
      continue;
    }
    const met = target === null ? "" : result.p95 <= target ? "  met" : "  NOT met";
    console.log(
      `${name.padEnd(width)} ${result.p50.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ` +
        `${(target === null ? "" : `≤ ${target}`).padStart(8)} ${(floor ? (result.p95 / floor).toFixed(1) : "").padStart(8)} ` +
        `${String(result.bytes).padStart(8)}${met}`,
    );
  }
  const timed = rows.filter((r) => r.target !== null && typeof r.result !== "string");
  const missed = timed.filter((r) => typeof r.result !== "string" && r.result.p95 > (r.target ?? Infinity));
  const failed = rows.filter((r) => typeof r.result === "string").length;
  console.log(`\n${timed.length - missed.length} of ${timed.length} cases met their target; ${failed} failed`);
}
