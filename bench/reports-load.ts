// The reports benchmark (issue 19): a year of history (bench/reports/history.ts) written into a
// scratch PostgreSQL database, then every report a lead or an agent opens, and the reply-window
// board, timed over HTTP against the production server (`npm start`, built first), beside the
// bare baseline (bench/baseline-server.ts) answering the overview's core figures with one
// hand-written statement over the same ReportEvent table, in the same run. Prints figures,
// asserts nothing. Targets (from the issue): every report p95 ≤ 300 ms for 30 days and ≤ 800 ms
// for a year; the board ≤ 100 ms.
//
// BENCH_REPORTS_MESSAGES (1,000,000), BENCH_REPORTS_CONVERSATIONS (60,000), BENCH_REPORTS_AGENTS
// (30), BENCH_REPORTS_ACCOUNTS (5), BENCH_REPORTS_DAYS (365), BENCH_REPORTS_RUNS (20 per case).
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { installExitHandlers, onCleanup, cleanupAll } from "./ingest/processes";
import { startApp, startBaseline } from "./ingest/targets";
import { rollReportDays } from "../lib/server/reports/roll-report-days";
import { writeHistory, type THistorySize } from "./reports/history";

const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
const size: THistorySize = {
  messages: num("BENCH_REPORTS_MESSAGES", 1_000_000),
  conversations: num("BENCH_REPORTS_CONVERSATIONS", 60_000),
  accounts: num("BENCH_REPORTS_ACCOUNTS", 5),
  agents: num("BENCH_REPORTS_AGENTS", 30),
  days: num("BENCH_REPORTS_DAYS", 365),
};
const RUNS = num("BENCH_REPORTS_RUNS", 20);
const root = fileURLToPath(new URL("..", import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Two warm-up requests, then RUNS timed ones, one at a time; any answer but 200 stops the case. */
async function time(url: string, cookie?: string): Promise<{ p50: number; p95: number; bytes: number } | string> {
  const get = async () => {
    const res = await fetch(url, { headers: cookie ? { cookie } : {} });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.replace(/\s+/g, " ").slice(0, 80)}`);
    return body.length;
  };
  try {
    await get();
    let bytes = await get();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      bytes = await get();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function seed(url: string): Promise<void> {
  const db = await openDatabase({ url, dataDir: "" });
  await applyMigrations(db.adapter);
  const started = performance.now();
  const { steps } = await writeHistory(db, size);
  const seconds = (performance.now() - started) / 1000;
  const [sizes] = await db.sql.query<Record<string, string>>(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS database,
       pg_size_pretty(pg_total_relation_size('"ReportEvent"')) AS "reportEvents",
       pg_size_pretty(pg_total_relation_size('"Message"')) AS messages,
       (SELECT count(*) FROM "ReportEvent")::text AS facts`,
  );
  await db.close();
  console.log(
    `History: ${size.messages.toLocaleString("en")} messages, ${size.conversations.toLocaleString("en")} conversations, ` +
      `${size.accounts} accounts, ${size.agents} agents over ${size.days} days, written in ${seconds.toFixed(1)} s`,
  );
  for (const s of steps) console.log(`  ${s.name.padEnd(90)} ${s.seconds.toFixed(1).padStart(6)} s`);
  console.log(
    `  ${Number(sizes?.facts).toLocaleString("en")} ReportEvent rows (${sizes?.reportEvents}); messages ${sizes?.messages}; database ${sizes?.database}`,
  );
}

/**
 * The roll-up, as the app's worker builds it in the background at its first start on this
 * history; built here (beside the app's own worker) before timing, so the timings read a
 * caught-up roll-up, and timed.
 */
async function rollUp(url: string): Promise<void> {
  const db = await openDatabase({ url, dataDir: "" });
  const started = performance.now();
  let rolled = 0;
  for (;;) {
    const round = await rollReportDays(db.prisma, { now: new Date(), settleMs: 0 });
    rolled += round.rolled;
    if (round.busy) continue;
    const [left] = await db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "ReportRollupDay" WHERE "dirty"`);
    if (Number(left?.n) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (performance.now() - started) / 1000;
  const [sizes] = await db.sql.query<Record<string, string>>(
    `SELECT pg_size_pretty(pg_total_relation_size('"ReportRollup"')) AS size, (SELECT count(*) FROM "ReportRollup")::text AS rows,
       (SELECT count(*) FROM "ReportRollupDay")::text AS days`,
  );
  await db.close();
  console.log(
    `  roll-up: ${Number(sizes?.days).toLocaleString("en")} account-days (UTC and each account's zone; ${rolled.toLocaleString("en")} rolled here, ` +
      `the rest by the app's worker) in ${seconds.toFixed(1)} s: ${Number(sizes?.rows).toLocaleString("en")} rows (${sizes?.size})`,
  );
}

/** The demo agent takes over agent rh-u0's history and accounts, so "My performance" has figures. */
async function adoptHistory(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const agent = `(SELECT "id" FROM "User" WHERE "email" = 'agent@demo.local')`;
  await client.query(`INSERT INTO "AccountMember" ("accountId", "userId")
    SELECT "accountId", ${agent} FROM "AccountMember" WHERE "userId" = 'rh-u0' ON CONFLICT DO NOTHING`);
  await client.query(`UPDATE "ReportEvent" SET "agentId" = ${agent} WHERE "agentId" = 'rh-u0'`);
  await client.query(`UPDATE "Conversation" SET "assigneeId" = ${agent} WHERE "assigneeId" = 'rh-u0'`);
  await rollUp(url);
  // As autovacuum leaves a table at rest: statistics fresh, pages marked all-visible (index-only
  // scans read no table page), and no vacuum running while the reports are timed.
  await client.query(`VACUUM ANALYZE`);
  await client.end();
}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function main(): Promise<void> {
  installExitHandlers();
  console.log(
    `Reports benchmark; machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const scratch = await createScratchPostgres("bench_reports");
  onCleanup(scratch.drop);
  await seed(scratch.url);

  const app = await startApp("app-pg", {
    appDir: root,
    benchRoot: root,
    port: num("BENCH_APP_PORT", 3380),
    agents: 2,
    databaseUrl: scratch.url,
  });
  await adoptHistory(scratch.url);
  const baseline = await startBaseline({
    appDir: root,
    benchRoot: root,
    port: num("BENCH_BASELINE_PORT", 4380),
    agents: 0,
    databaseUrl: scratch.url,
  });
  const [admin, agent] = app.agentCookies;

  const now = new Date();
  const year = `range=custom&from=${day(new Date(now.getTime() - 364 * 86_400_000))}&to=${day(now)}`;
  const ranges = [
    { name: "30 days", query: "range=30d", from: new Date(now.getTime() - 30 * 86_400_000), target: 300 },
    { name: "a year", query: year, from: new Date(now.getTime() - 365 * 86_400_000), target: 800 },
  ];
  const rows: { name: string; target: number | null; result: Awaited<ReturnType<typeof time>>; floor?: number }[] = [];
  rows.push({ name: "floor: app GET /api/health", target: null, result: await time(`${app.baseUrl}/api/health`) });
  rows.push({ name: "floor: baseline GET /health", target: null, result: await time(`${baseline.baseUrl}/health`) });
  for (const range of ranges) {
    const bare = await time(`${baseline.baseUrl}/report?from=${range.from.toISOString()}&to=${now.toISOString()}`);
    rows.push({ name: `baseline: one statement over ReportEvent, ${range.name}`, target: null, result: bare });
    const floor = typeof bare === "string" ? undefined : bare.p95;
    const api = `${app.baseUrl}/api/admin/reports`;
    const cases: [string, string, string | undefined][] = [
      ["overview", `${api}/overview?${range.query}`, admin],
      ["overview, one account", `${api}/overview?${range.query}&accountId=rh-a1`, admin],
      ["overview, one agent", `${api}/overview?${range.query}&agentId=rh-u3`, admin],
      ["overview, one label", `${api}/overview?${range.query}&labelId=rh-l2`, admin],
      ["overview, business hours", `${api}/overview?${range.query}&businessHours=on`, admin],
      ["table by agent", `${api}/tables/agents?${range.query}`, admin],
      ["table by account", `${api}/tables/accounts?${range.query}`, admin],
      ["table by label", `${api}/tables/labels?${range.query}`, admin],
      ["CSV by agent", `${api}/tables/agents/csv?${range.query}`, admin],
      ["My performance (agent)", `${app.baseUrl}/api/me/performance?${range.query}`, agent],
    ];
    for (const [name, url, cookie] of cases) {
      rows.push({ name: `${name}, ${range.name}`, target: range.target, result: await time(url, cookie), floor });
    }
  }
  rows.push({
    name: "reply-window board (admin)",
    target: 100,
    result: await time(`${app.baseUrl}/api/windows`, admin),
  });
  rows.push({
    name: "reply-window board (agent)",
    target: 100,
    result: await time(`${app.baseUrl}/api/windows`, agent),
  });

  console.log(
    `\n${"case".padEnd(52)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"target".padStart(8)} ${"× baseline".padStart(11)}  bytes`,
  );
  for (const { name, target, result, floor } of rows) {
    if (typeof result === "string") {
      console.log(`${name.padEnd(52)} failed: ${result}`);
      continue;
    }
    const met = target === null ? "" : result.p95 <= target ? " met" : " NOT met";
    console.log(
      `${name.padEnd(52)} ${result.p50.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ${(target === null ? "" : `≤ ${target}`).padStart(8)} ${(floor ? (result.p95 / floor).toFixed(1) : "").padStart(11)}  ${result.bytes}${met}`,
    );
  }
  console.log(
    `\nMachine at the end: load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  await cleanupAll();
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error("bench:", error);
    await cleanupAll();
    process.exit(1);
  },
);
