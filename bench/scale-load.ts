// The scale benchmark (issue 20): a large history (bench/scale/history.ts) written into a scratch
// PostgreSQL database with the big tables' secondary indexes built afterwards (each timed), then
// every operation of the issue's table timed over HTTP against the production server (`npm
// start`, built first), as an admin and as an agent of one account, beside a bare baseline's
// GET /health (bench/baseline-server.ts) as the floor; then the memory check (bench/scale/memory.ts).
// Prints figures, asserts nothing.
//
// Sizes: BENCH_SCALE=1m (default: 1,000,000 messages, 60,000 conversations) or 5m (5,000,000 and
// 300,000), both over 730 days, 5 accounts, 40 agents; each figure can be set on its own:
// BENCH_SCALE_MESSAGES, _CONVERSATIONS, _ACCOUNTS, _AGENTS, _DAYS, _LONG_THREADS (2),
// _LONG_THREAD (20,000 messages each), _WEBHOOK_DAYS (30). BENCH_SCALE_RUNS (20 per case),
// BENCH_SCALE_MEMORY=0 skips the memory check, BENCH_SCALE_CASES (a regular expression) chooses
// cases by name, BENCH_SCALE_MAINTENANCE_WORK_MEM (256MB) is the index builds' memory.
// BENCH_KEEP=1 keeps the database (its URL is printed);
// BENCH_SCALE_DATABASE_URL runs on such a kept database instead of writing a new history.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { installExitHandlers, onCleanup, cleanupAll } from "./ingest/processes";
import { startApp, startBaseline } from "./ingest/targets";
import { SCALE_PREFIX, writeScaleHistory, type TScaleSize, type TStep } from "./scale/history";
import { createIndexes, dropSecondaryIndexes } from "./scale/indexes";
import { scaleCases, type TCaseIds } from "./scale/cases";
import { memoryCases } from "./scale/memory-cases";
import { checkMemory, heapUsed } from "./scale/memory";
import { TABLE_HEADER, formatRow, getText, idleCpuRate, printTable, time, type TRow } from "./scale/timing";

const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
const large = process.env.BENCH_SCALE?.trim().toLowerCase() === "5m";
const size: TScaleSize = {
  messages: num("BENCH_SCALE_MESSAGES", large ? 5_000_000 : 1_000_000),
  conversations: num("BENCH_SCALE_CONVERSATIONS", large ? 300_000 : 60_000),
  accounts: num("BENCH_SCALE_ACCOUNTS", 5),
  agents: num("BENCH_SCALE_AGENTS", 40),
  days: num("BENCH_SCALE_DAYS", 730),
  longThreads: num("BENCH_SCALE_LONG_THREADS", 2),
  longThread: num("BENCH_SCALE_LONG_THREAD", 20_000),
  webhookDays: num("BENCH_SCALE_WEBHOOK_DAYS", 30),
};
const RUNS = num("BENCH_SCALE_RUNS", 20);
const root = fileURLToPath(new URL("..", import.meta.url));
const p = SCALE_PREFIX;

function printSteps(title: string, steps: TStep[]): number {
  const total = steps.reduce((sum, s) => sum + s.seconds, 0);
  console.log(`${title}: ${total.toFixed(1)} s`);
  for (const s of steps) console.log(`  ${s.name.padEnd(100)} ${s.seconds.toFixed(1).padStart(7)} s`);
  return total;
}

/** Writes the history with the big tables' secondary indexes dropped, then builds them, timed. */
async function seed(url: string): Promise<void> {
  const db = await openDatabase({ url, dataDir: "" });
  await applyMigrations(db.adapter);
  await db.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const indexes = await dropSecondaryIndexes(client);
  const written = printSteps(
    `History: ${size.messages.toLocaleString("en")} messages, ${size.conversations.toLocaleString("en")} conversations, ` +
      `${size.accounts} accounts, ${size.agents} agents over ${size.days} days, written (without secondary indexes) in`,
    await writeScaleHistory(client, size),
  );
  const workMem = process.env.BENCH_SCALE_MAINTENANCE_WORK_MEM || "256MB";
  const built = printSteps(
    `Secondary indexes of ${[...new Set(indexes.map((i) => i.table))].join(", ")} built (CREATE INDEX one after the other, ` +
      `maintenance_work_mem ${workMem}) in`,
    await createIndexes(client, indexes, workMem),
  );
  const started = performance.now();
  // As autovacuum leaves tables at rest: statistics fresh, pages all-visible (index-only scans).
  await client.query(`VACUUM ANALYZE`);
  const vacuum = (performance.now() - started) / 1000;
  const { rows } = await client.query<Record<string, string>>(
    `SELECT pg_database_size(current_database())::text AS database,
       (SELECT count(*) FROM "Message")::text AS messages,
       ${["Message", "Conversation", "Contact", "WebhookEvent"].map((t) => `pg_total_relation_size('"${t}"')::text AS "${t}"`).join(", ")}`,
  );
  await client.end();
  const sizes = rows[0] ?? {};
  const mb = (v: string | undefined) => `${(Number(v) / 1024 / 1024).toFixed(0)} MB`;
  const millions = Number(sizes.messages) / 1_000_000;
  console.log(
    `VACUUM ANALYZE ${vacuum.toFixed(1)} s; all together ${(written + built + vacuum).toFixed(1)} s\n` +
      `Database ${mb(sizes.database)} for ${Number(sizes.messages).toLocaleString("en")} messages: ` +
      `${(Number(sizes.database) / 1024 / 1024 / millions).toFixed(0)} MB per million messages ` +
      `(with their indexes: Message ${mb(sizes.Message)}, Conversation ${mb(sizes.Conversation)}, Contact ${mb(sizes.Contact)}, ` +
      `WebhookEvent ${mb(sizes.WebhookEvent)})`,
  );
}

/**
 * The demo agent becomes a member of exactly one account (the first) and takes over the
 * conversations and read marks of an agent who works only that one; the demo admin those of an
 * agent of the second account. So Mine has content for both.
 */
async function adoptHistory(client: pg.Client): Promise<void> {
  const user = (email: string) => `(SELECT "id" FROM "User" WHERE "email" = '${email}')`;
  const agent = user("agent@demo.local");
  const firstOnlyOne = size.accounts * Math.ceil(10 / size.accounts);
  await client.query(`DELETE FROM "AccountMember" WHERE "userId" = ${agent}`);
  await client.query(`INSERT INTO "AccountMember" ("accountId", "userId") VALUES ('${p}-a0', ${agent})`);
  for (const [heir, to] of [
    [`${p}-u${firstOnlyOne}`, agent],
    [`${p}-u${firstOnlyOne + 1}`, user("admin@demo.local")],
  ] as const) {
    await client.query(`UPDATE "Conversation" SET "assigneeId" = ${to} WHERE "assigneeId" = '${heir}'`);
    await client.query(`UPDATE "ConversationRead" SET "userId" = ${to} WHERE "userId" = '${heir}'`);
  }
  await client.query(`VACUUM ANALYZE "Conversation", "ConversationRead", "AccountMember"`);
}

/** Waits until the app's workers are idle on the database (their first rounds sweep everything). */
async function settle(client: pg.Client): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < 5 && performance.now() - started < 300_000) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
    );
    quiet = Number(rows[0]?.n) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return (performance.now() - started) / 1000;
}

async function caseIds(client: pg.Client, baseUrl: string, agent: string): Promise<TCaseIds> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT "id" FROM "Conversation" WHERE "accountId" = '${p}-a0' AND "status" = 'OPEN' AND "id" <> '${p}-v0'
     ORDER BY "lastMessageAt" DESC LIMIT 1`,
  );
  const found = JSON.parse(await getText(`${baseUrl}/api/search?q=quokka&limit=20`, agent)) as {
    messages: { conversation: { id: string }; message: { id: string } }[];
  };
  const hit = found.messages.at(-1);
  if (!rows[0] || !hit) throw new Error("the history has no open conversation or no searchable message for the agent");
  return {
    longThread: `${p}-v0`,
    longThreadMiddle: `${p}-m0-${Math.floor(size.longThread / 2)}`,
    conversation: rows[0].id,
    searched: { conversationId: hit.conversation.id, messageId: hit.message.id },
  };
}

async function main(): Promise<void> {
  installExitHandlers();
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(`Scale benchmark; machine: ${cpus().length} cores, load average ${load()}`);
  let url = process.env.BENCH_SCALE_DATABASE_URL;
  if (!url) {
    const scratch = await createScratchPostgres("bench_scale");
    if (process.env.BENCH_KEEP === "1") console.log(`Keeping the database (BENCH_KEEP=1): ${scratch.url}`);
    else onCleanup(scratch.drop);
    url = scratch.url;
    await seed(url);
  }
  const metricsToken = randomBytes(16).toString("hex");
  process.env.METRICS_TOKEN = metricsToken;
  const app = await startApp("app-pg", {
    appDir: root,
    benchRoot: root,
    port: num("BENCH_APP_PORT", 3390),
    agents: 2,
    databaseUrl: url,
  });
  const baseline = await startBaseline({
    appDir: root,
    benchRoot: root,
    port: num("BENCH_BASELINE_PORT", 4390),
    agents: 0,
    databaseUrl: url,
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await adoptHistory(client);
  console.log(`The app's workers were busy on the database for ${(await settle(client)).toFixed(0)} s after its start`);
  const [admin = "", agent = ""] = app.agentCookies;
  const ids = await caseIds(client, app.baseUrl, agent);
  console.log(`Cases: ${JSON.stringify(ids)}; ${RUNS} timed requests per case after 2 warm-ups, one at a time`);

  const idleRate = await idleCpuRate(app.server?.pid);
  console.log(`The server's CPU while idle: ${(idleRate * 1000).toFixed(0)} ms a second`);
  const server = { pid: app.server?.pid, idleRate };
  const floorNow = async () => {
    const bare = await time(`${baseline.baseUrl}/health`, undefined, RUNS);
    return typeof bare === "string" ? undefined : bare.p95;
  };
  const rows: TRow[] = [
    {
      name: "floor: baseline GET /health",
      target: null,
      result: await time(`${baseline.baseUrl}/health`, undefined, RUNS),
    },
  ];
  rows.push({
    name: "app GET /api/health",
    target: null,
    floor: await floorNow(),
    result: await time(`${app.baseUrl}/api/health`, undefined, RUNS, server),
  });
  // BENCH_SCALE_CASES: a regular expression choosing cases by name (all by default).
  const only = new RegExp(process.env.BENCH_SCALE_CASES || ".");
  console.log(`\nAs measured:\n${TABLE_HEADER}`);
  for (const c of scaleCases(ids).filter((c) => only.test(c.name))) {
    const floor = await floorNow();
    const result = await time(`${app.baseUrl}${c.path}`, c.who === "admin" ? admin : agent, RUNS, server);
    rows.push({ name: c.name, target: c.target, result, floor });
    // The heap in use after each case shows whether the server keeps what it read (and pays for
    // it in garbage collection: every request's CPU grows with the heap).
    const heap = await heapUsed({ baseUrl: app.baseUrl, metricsToken });
    console.log(
      `${formatRow({ name: c.name, target: c.target, result, floor })}  heap ${heap ? Math.round(heap / 2 ** 20) : "?"} MB`,
    );
  }
  printTable(rows);
  if (process.env.BENCH_SCALE_MEMORY !== "0" && app.server) {
    await checkMemory(
      { baseUrl: app.baseUrl, pid: app.server.pid, metricsToken, admin, agent },
      // BENCH_SCALE_MEMORY_CASES: a regular expression choosing the memory check's cases by name.
      memoryCases(ids, size.longThread).filter((c) =>
        new RegExp(process.env.BENCH_SCALE_MEMORY_CASES || ".").test(c.name),
      ),
    );
  }
  await client.end();
  console.log(`\nMachine at the end: load average ${load()}`);
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
