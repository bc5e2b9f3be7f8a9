// Benchmarks print figures; they assert nothing. Targets are stated beside each figure.
// Usage: npm run bench   (PostgreSQL half runs when TEST_DATABASE_URL or the local server is reachable)
import { openDatabase, type TDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { listConversations } from "../lib/server/conversations/list-conversations";
import { acceptWebhook } from "../lib/pipeline/intake/accept-webhook";
import { processWebhooks } from "../lib/pipeline/intake/process-webhooks";
import { createWebhookAccounts } from "../lib/pipeline/intake/webhook-accounts";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "../lib/testing/scratch-postgres";
import { benchSearch } from "./search";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);

async function seed(db: TDatabase): Promise<void> {
  const account = await db.prisma.instagramAccount.create({
    data: {
      igAccountId: "17841400000000001",
      displayName: "Bench",
      productTokenEncrypted: "",
      productTokenLast4: "",
      webhookSecret: "bench",
    },
  });
  const base = Date.now() - CONVERSATIONS * 1000;
  for (let offset = 0; offset < CONVERSATIONS; offset += 1000) {
    const size = Math.min(1000, CONVERSATIONS - offset);
    const ids = Array.from({ length: size }, (_, i) => offset + i);
    await db.prisma.contact.createMany({
      data: ids.map((i) => ({ id: `c${i}`, accountId: account.id, igsid: String(1e15 + i), name: `Customer ${i}` })),
    });
    await db.prisma.conversation.createMany({
      data: ids.map((i) => ({
        id: `v${i}`,
        accountId: account.id,
        contactId: `c${i}`,
        lastMessageAt: new Date(base + i * 1000),
        lastMessagePreview: `message ${i}`,
      })),
    });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 500);

/**
 * CM's inbound-message webhooks through the functions the HTTP handler calls, one at a time
 * (stored and acknowledged), then applied to the inbox by the intake processor in batches.
 */
async function benchWebhooks(label: string, db: TDatabase): Promise<void> {
  const account = await db.prisma.instagramAccount.create({
    data: {
      igAccountId: "17841400000000002",
      displayName: "Hooks",
      productTokenEncrypted: "",
      productTokenLast4: "",
      webhookSecret: "bench-webhook-secret-0123456789",
    },
  });
  const payload = (i: number) => ({
    from: { number: String(2e15 + (i % 200)), name: `Customer ${i % 200}` },
    to: { number: account.igAccountId },
    message: { text: `message ${i}`, media: { mediaUri: "", contentType: "", title: "" }, custom: { mid: `mid-${i}` } },
    timeUtc: "2026-01-10T13:05:00",
    channel: "Instagram",
  });
  const deps = { sql: db.sql, accounts: createWebhookAccounts(db.prisma), wake: () => {} };
  const accept = (i: number) =>
    acceptWebhook(deps, { secret: account.webhookSecret, kind: "messages", body: JSON.stringify(payload(i)) });
  const times = await timeEach(WEBHOOKS, accept);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(
    `[${label}] ${WEBHOOKS} message webhooks stored: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ${(WEBHOOKS / (total / 1000)).toFixed(0)}/s sequential (target p95 < 100 ms)`,
  );
  const applyStarted = performance.now();
  let applied = 0;
  for (let round = await processWebhooks(db.prisma); round.claimed > 0; round = await processWebhooks(db.prisma)) {
    applied += round.applied;
  }
  const applyMs = performance.now() - applyStarted;
  console.log(
    `[${label}] applied to the inbox by the intake processor: ${applied} in ${applyMs.toFixed(0)} ms, ${(applied / (applyMs / 1000)).toFixed(0)}/s`,
  );
  const duplicates = await timeEach(100, accept);
  console.log(`[${label}] a retried (duplicate) webhook: p50 ${percentile(duplicates, 50).toFixed(1)} ms`);
}

async function timeEach(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function bench(label: string, db: TDatabase): Promise<void> {
  await applyMigrations(db.adapter);
  const seedStarted = performance.now();
  await seed(db);
  console.log(
    `\n[${label}] seeded ${CONVERSATIONS} conversations in ${(performance.now() - seedStarted).toFixed(0)} ms`,
  );

  const first = await timeIt(50, () => listConversations(db.prisma, { userId: "bench", accountIds: null, limit: 50 }));
  console.log(
    `[${label}] first page of 50:   p50 ${first.p50.toFixed(1)} ms, p95 ${first.p95.toFixed(1)} ms (target p95 < 50 ms)`,
  );

  // Walk to the last page once, then time a deep page: keyset pagination should not slow down.
  let cursor: string | null = null;
  let pages = 0;
  const walkStarted = performance.now();
  do {
    const page = await listConversations(db.prisma, {
      userId: "bench",
      accountIds: null,
      limit: 50,
      cursor: cursor ?? undefined,
    });
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  console.log(`[${label}] walked all ${pages} pages in ${(performance.now() - walkStarted).toFixed(0)} ms`);
  await benchWebhooks(label, db);
  await benchSearch(label, db);
}

const lite = await openDatabase({ dataDir: "memory://" });
await bench("pglite", lite);
await lite.close();

if (!(await postgresReachable())) {
  console.log(`\n[postgres] skipped: no PostgreSQL at ${TEST_POSTGRES_URL}`);
  process.exit(0);
}
const scratch = await createScratchPostgres("bench");
const postgres = await openDatabase({ url: scratch.url, dataDir: "" });
try {
  await bench("postgres", postgres);
} finally {
  await postgres.close();
  await scratch.drop();
}
