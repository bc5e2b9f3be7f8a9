// Timing requests one at a time, and the table the scale benchmark prints. Each case is
// measured beside the bare baseline's GET /health just before it (the floor at that moment: the
// machine is shared and noisy) and with the server's own CPU time per request (from
// /proc/<pid>/stat), which noise from other processes does not inflate as much as wall time.
import { readFileSync } from "node:fs";

export type TTiming = { p50: number; p95: number; bytes: number; cpuMs?: number | undefined };
export type TRow = { name: string; target: number | null; result: TTiming | string; floor?: number | undefined };

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** User and system CPU time of a process, in milliseconds (clock ticks of 10 ms). */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export async function getText(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.replace(/\s+/g, " ").slice(0, 100)}`);
  return body;
}

/**
 * The server's CPU per millisecond while no request is served (its workers' rounds, sockets,
 * timers), measured over `ms`: subtracted from a case's CPU so the column is the requests' own.
 */
export async function idleCpuRate(pid: number | undefined, ms = 5000): Promise<number> {
  const before = cpuMsOf(pid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuMsOf(pid);
  return before === null || after === null ? 0 : (after - before) / (performance.now() - started);
}

/**
 * Two warm-up requests, then `runs` timed ones, one at a time; any answer but 200 stops the
 * case. With the server's pid: its CPU per request, less its idle rate over the same time.
 */
export async function time(
  url: string,
  cookie: string | undefined,
  runs: number,
  server?: { pid: number | undefined; idleRate: number },
): Promise<TTiming | string> {
  const pid = server?.pid;
  try {
    await getText(url, cookie);
    let bytes = (await getText(url, cookie)).length;
    const times: number[] = [];
    const cpuBefore = cpuMsOf(pid);
    const wallBefore = performance.now();
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      bytes = (await getText(url, cookie)).length;
      times.push(performance.now() - started);
    }
    const cpuAfter = cpuMsOf(pid);
    times.sort((a, b) => a - b);
    const idle = (server?.idleRate ?? 0) * (performance.now() - wallBefore);
    const cpuMs = cpuBefore !== null && cpuAfter !== null ? Math.max(0, cpuAfter - cpuBefore - idle) / runs : undefined;
    return { p50: percentile(times, 50), p95: percentile(times, 95), bytes, cpuMs };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const WIDTH = 52;

/** One row of the table (printed as each case is measured, and again in the table at the end). */
export function formatRow({ name, target, result, floor }: TRow): string {
  if (typeof result === "string") return `${name.padEnd(WIDTH)} failed: ${result}`;
  const met = target === null ? "" : result.p95 <= target ? "  met" : "  NOT met";
  return (
    `${name.padEnd(WIDTH)} ${result.p50.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ` +
    `${(target === null ? "" : `≤ ${target}`).padStart(8)} ${(floor === undefined ? "" : floor.toFixed(1)).padStart(9)} ` +
    `${(floor ? (result.p95 / floor).toFixed(1) : "").padStart(8)} ` +
    `${(result.cpuMs === undefined ? "" : result.cpuMs.toFixed(1)).padStart(8)} ${String(result.bytes).padStart(7)}${met}`
  );
}

export const TABLE_HEADER =
  `${"case".padEnd(WIDTH)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"target".padStart(8)} ` +
  `${"floor p95".padStart(9)} ${"× floor".padStart(8)} ${"app CPU".padStart(8)} ${"bytes".padStart(7)}`;

export function printTable(rows: TRow[]): void {
  console.log(`\n${TABLE_HEADER}`);
  for (const row of rows) console.log(formatRow(row));
  const timed = rows.filter((r) => r.target !== null && typeof r.result !== "string");
  const missed = timed.filter((r) => typeof r.result !== "string" && r.result.p95 > (r.target ?? Infinity));
  const failed = rows.filter((r) => typeof r.result === "string").length;
  console.log(
    `\n${timed.length - missed.length} of ${timed.length} cases met their target; ${failed} failed. ` +
      `"floor p95": the bare baseline's GET /health just before the case; "app CPU": the server's CPU ms per request, less its idle rate (an estimate: clock ticks of 10 ms).`,
  );
}
