// Live-event latency across instances, per socket.io adapter: three production instances on
// one PostgreSQL, webhooks posted to the first at a fixed rate, and socket.io clients (admins,
// who receive every account's events) connected to the other two. Each event's latency runs
// from the webhook's POST to its `inbox.changed` at a client of ANOTHER instance. Run once with
// the PostgreSQL adapter (NOTIFY) and once with Redis (REDIS_URL). Prints figures, asserts nothing.
//   BENCH_ONLY=events npm run bench     (after `npm run build`)
// Knobs: BENCH_EVENTS_RATES (100,500 webhooks/s), BENCH_EVENTS_SECONDS (10), BENCH_EVENTS_PORT (3400),
// BENCH_EVENTS_REDIS_URL (redis://127.0.0.1:6379), BENCH_EVENTS_ADAPTERS (postgres,redis).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createScratchPostgres } from "../lib/testing/scratch-postgres";
import { connectAgents } from "./ingest/agents";
import { demoWebhookUrl, signIn } from "./ingest/app-session";
import { DEMO_IG_ACCOUNT, DEMO_LOGINS } from "./ingest/config";
import { WebhookClient } from "./ingest/http-client";
import { inboundMessage } from "./ingest/payloads";
import { Teardown, cleanupAll, installExitHandlers, startChild, stopChild, waitHealthy } from "./ingest/processes";
import { countStatus, formatStatuses, ms, percentile, sleep, type TStatusCounts } from "./ingest/stats";

const root = fileURLToPath(new URL("..", import.meta.url));
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback) || fallback;
const RATES = (process.env.BENCH_EVENTS_RATES ?? "100,500")
  .split(",")
  .map(Number)
  .filter((r) => r > 0);
const SECONDS = num("BENCH_EVENTS_SECONDS", 10);
const BASE_PORT = num("BENCH_EVENTS_PORT", 3400);
const REDIS_URL = process.env.BENCH_EVENTS_REDIS_URL ?? "redis://127.0.0.1:6379";
const ADAPTERS = (process.env.BENCH_EVENTS_ADAPTERS ?? "postgres,redis").split(",").map((s) => s.trim());
const INSTANCES = 3;
const CLIENTS_PER_INSTANCE = 2;

interface TResult {
  adapter: string;
  rate: number;
  sent: number;
  statuses: TStatusCounts;
  latencies: number[];
  expected: number;
  missing: number;
}

async function measure(adapter: string): Promise<TResult[]> {
  const teardown = new Teardown();
  try {
    const database = await createScratchPostgres("bench_events");
    teardown.add(database.drop);
    const dataDir = mkdtempSync(join(tmpdir(), "bench-events-"));
    teardown.add(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      MALLOC_ARENA_MAX: "2",
      DEMO_MODE: "true",
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_SECRET: randomBytes(32).toString("hex"),
      SIGN_IN_RATE_LIMIT: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(adapter === "redis" ? { REDIS_URL, REDIS_STREAM: `bench-events-${randomBytes(6).toString("hex")}` } : {}),
    };
    const urls: string[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const port = BASE_PORT + i;
      const child = startChild(`${adapter}-${i}`, process.execPath, ["--max-old-space-size=192", "dist/server.mjs"], {
        cwd: root,
        env: { ...env, PORT: String(port) },
      });
      teardown.add(() => stopChild(child));
      urls.push(`http://127.0.0.1:${port}`);
      // One after the other: the first applies the migrations and seeds the demo.
      await waitHealthy(child, `${urls[i]}/api/health`);
    }
    const admin = DEMO_LOGINS[0];
    const cookies = await Promise.all(urls.map((url) => signIn(url, admin.email, admin.password)));
    const webhookUrl = await demoWebhookUrl(urls[0]!, cookies[0]!);
    const agents = await Promise.all(
      urls.slice(1).map((url, i) => connectAgents(url, Array(CLIENTS_PER_INSTANCE).fill(cookies[i + 1]))),
    );
    teardown.add(async () => agents.forEach((a) => a.close()));

    let sentAt = new Map<string, number>();
    let latencies: number[] = [];
    let received = new Map<string, number>();
    const seen = new Set<string>();
    for (const [group, agent] of agents.entries()) {
      agent.setSink((index, text, at) => {
        const started = sentAt.get(text);
        const key = `${group}:${index}:${text}`;
        if (started === undefined || seen.has(key)) return;
        seen.add(key);
        latencies.push(at - started);
        received.set(text, (received.get(text) ?? 0) + 1);
      });
    }

    const client = new WebhookClient(webhookUrl, 10_000, 512);
    teardown.add(async () => client.close());
    const run = randomBytes(3).toString("hex");
    // Warm up (JIT, pools, prepared statements) at 50/s for 4 s, unmeasured.
    const warm: Promise<unknown>[] = [];
    for (let n = 0; n < 200; n++) {
      warm.push(client.post(inboundMessage(DEMO_IG_ACCOUNT, run, "warm", n).body));
      await sleep(20);
    }
    await Promise.all(warm);
    await sleep(2000);

    const results: TResult[] = [];
    const clients = (INSTANCES - 1) * CLIENTS_PER_INSTANCE;
    for (const rate of RATES) {
      sentAt = new Map();
      latencies = [];
      received = new Map();
      const statuses: TStatusCounts = new Map();
      const ok: string[] = [];
      const answers: Promise<void>[] = [];
      // Open loop: the n-th webhook leaves at n / rate seconds, whatever the answers do.
      const total = rate * SECONDS;
      const start = performance.now();
      for (let n = 0; n < total;) {
        const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
        for (; n < due; n++) {
          const { token, body } = inboundMessage(DEMO_IG_ACCOUNT, run, `r${rate}`, n);
          answers.push(
            client
              .post(body, (at) => sentAt.set(token, at))
              .then((answer) => {
                countStatus(statuses, answer.status);
                if (answer.status === "200") ok.push(token);
              }),
          );
        }
        await sleep(2);
      }
      await Promise.all(answers);
      // Every webhook answered 200 must reach every client: wait for them (30 s at most).
      const complete = () => ok.every((token) => (received.get(token) ?? 0) >= clients);
      const deadline = performance.now() + 30_000;
      while (!complete() && performance.now() < deadline) await sleep(200);
      const missing = ok.reduce((sum, token) => sum + Math.max(0, clients - (received.get(token) ?? 0)), 0);
      results.push({ adapter, rate, sent: total, statuses, latencies, expected: ok.length * clients, missing });
      await sleep(3000); // the backlog of a saturated rate drains before the next
    }
    return results;
  } finally {
    await teardown.run();
  }
}

installExitHandlers();
const results: TResult[] = [];
for (const adapter of ADAPTERS) {
  console.log(
    `events: ${INSTANCES} instances on one PostgreSQL, adapter ${adapter}, ${RATES.join(" and ")} webhooks/s for ${SECONDS} s each…`,
  );
  results.push(...(await measure(adapter)));
}
await cleanupAll();

console.log(
  `\nLive events across instances: webhook POSTed to instance 1, event received by ${(INSTANCES - 1) * CLIENTS_PER_INSTANCE} clients on instances 2-3`,
);
console.log("adapter    rate/s  webhooks  answers                 events   missing* p50 ms  p90 ms  p99 ms  max ms");
for (const r of results) {
  console.log(
    [
      r.adapter.padEnd(9),
      String(r.rate).padStart(7),
      String(r.sent).padStart(9),
      formatStatuses(r.statuses).padEnd(22),
      String(r.latencies.length).padStart(7),
      String(r.missing).padStart(8),
      ms(percentile(r.latencies, 50)).padStart(7),
      ms(percentile(r.latencies, 90)).padStart(7),
      ms(percentile(r.latencies, 99)).padStart(7),
      ms(Math.max(...r.latencies)).padStart(7),
    ].join(" "),
  );
}
console.log("* of the events due for webhooks answered 200 (one per client), none seen within 30 s of the last answer");
process.exit(0);
