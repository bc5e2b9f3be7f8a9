// The memory check of issue 20: the heaviest pages and API calls loaded again and again on the
// large history while the server's memory is sampled: its RSS (/proc/<pid>/status) and V8's heap
// in use (/metrics, nodejs_heap_size_used_bytes). The heap is capped at 192 MB (`npm start`).
import { rssOf } from "../ingest/rss";
import { getText } from "./timing";

export const HEAP_CAP_MB = 192;
const MB = 1024 * 1024;

export type TMemoryTarget = { baseUrl: string; pid: number; metricsToken: string; admin: string; agent: string };
export type TMemoryCase = { name: string; run: (t: TMemoryTarget) => Promise<number> };
type TMemoryRow = {
  name: string;
  requests: number;
  seconds: number;
  rss: number;
  heap: number;
  alive: boolean;
  error?: string;
};

/** V8's heap in use, from the server's /metrics; null when it cannot be read. */
export async function heapUsed(t: Pick<TMemoryTarget, "baseUrl" | "metricsToken">): Promise<number | null> {
  try {
    const res = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${t.metricsToken}` } });
    const line = /^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m.exec(await res.text());
    return line?.[1] ? Number(line[1]) : null;
  } catch {
    return null;
  }
}

/** Samples RSS every 100 ms and the heap every 250 ms while `work` runs; keeps the peaks. */
async function watch(t: TMemoryTarget, work: () => Promise<number>): Promise<Omit<TMemoryRow, "name" | "alive">> {
  let rss = rssOf(t.pid) ?? 0;
  let heap = (await heapUsed(t)) ?? 0;
  let done = false;
  const rssTimer = setInterval(() => (rss = Math.max(rss, rssOf(t.pid) ?? 0)), 100);
  const heapLoop = (async () => {
    while (!done) {
      heap = Math.max(heap, (await heapUsed(t)) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const started = performance.now();
  let requests = 0;
  let error: string | undefined;
  try {
    requests = await work();
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  done = true;
  await heapLoop;
  clearInterval(rssTimer);
  heap = Math.max(heap, (await heapUsed(t)) ?? 0);
  return { requests, seconds: (performance.now() - started) / 1000, rss, heap, ...(error ? { error } : {}) };
}

/** Follows a JSON answer's cursor field until it is null or `max` pages were read. */
export async function pageThrough(
  url: (cursor: string | null) => string,
  cookie: string,
  field: "nextCursor" | "newerCursor",
  max = Infinity,
): Promise<number> {
  let cursor: string | null = null;
  let pages = 0;
  do {
    const body = JSON.parse(await getText(url(cursor), cookie)) as Record<string, unknown>;
    pages++;
    const next = body[field];
    cursor = typeof next === "string" ? next : null;
  } while (cursor && pages < max);
  return pages;
}

export async function repeat(times: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < times; i++) await fn();
  return times;
}

export async function checkMemory(t: TMemoryTarget, cases: TMemoryCase[]): Promise<void> {
  const idle = { rss: rssOf(t.pid) ?? 0, heap: (await heapUsed(t)) ?? 0 };
  const rows: TMemoryRow[] = [];
  for (const c of cases) {
    const measured = await watch(t, () => c.run(t));
    const alive =
      rssOf(t.pid) !== null &&
      (await fetch(`${t.baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
    rows.push({ name: c.name, alive, ...measured });
  }
  const mb = (v: number) => (v / MB).toFixed(0).padStart(6);
  console.log(
    `\nMemory check (heap capped at ${HEAP_CAP_MB} MB); idle: RSS ${mb(idle.rss)} MB, heap used ${mb(idle.heap)} MB`,
  );
  console.log(
    `${"case".padEnd(72)} ${"requests".padStart(8)} ${"seconds".padStart(8)} ${"max RSS".padStart(8)} ${"max heap".padStart(8)}  server`,
  );
  for (const r of rows) {
    const within = r.heap > 0 && r.heap / MB <= HEAP_CAP_MB ? "within cap" : "over cap";
    console.log(
      `${r.name.padEnd(72)} ${String(r.requests).padStart(8)} ${r.seconds.toFixed(1).padStart(8)} ${mb(r.rss)} MB ${mb(r.heap)} MB  ` +
        `${r.alive ? "up" : "DOWN"}, ${within}${r.error ? `; error: ${r.error}` : ""}`,
    );
  }
}
