import client from "prom-client";
import type pg from "pg";
import type { TSql } from "../db/client";
import { readDatabaseGauges } from "./database-gauges";

// Prometheus metrics of this process (served by lib/metrics/metrics-http.ts at /metrics). The
// registry is made once per process and kept on globalThis: server.ts's bundle and Next.js's
// route bundles are separate module graphs, and both count into the same metrics. Until
// server.ts turns metrics on (METRICS_TOKEN), `metrics()` is a no-op: nothing is kept.

/** What the code reports as it happens. */
export interface TMetrics {
  /** Called once where a webhook is answered, with the kind from its URL and the status sent. */
  webhookAnswered(kind: string, status: number): void;
  /** Webhooks applied to the inbox (by the intake rounds or the fast lane). */
  webhooksApplied(count: number): void;
  /** One send to CM finished: what it led to, and how long the call took. */
  sendFinished(result: "accepted" | "failed" | "retry", seconds: number): void;
  /** A send whose worker died was taken over after its lease ran out. */
  sendTakenOver(): void;
}

/** What is read at scrape time. */
export interface TMetricSources {
  sql: TSql;
  /** PostgreSQL's pools (undefined on the embedded database). */
  pools?: { app?: pg.Pool | undefined; events?: pg.Pool | undefined };
  /** Browsers connected to this instance's socket.io server now (none before it starts). */
  browsers?: () => number;
}

export interface TMetricsRegistry {
  api: TMetrics;
  /** The exposition text, after reading the gauges that are computed at scrape time. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const KINDS = new Set(["messages", "events", "status-reports"]);
const NOOP: TMetrics = {
  webhookAnswered: () => {},
  webhooksApplied: () => {},
  sendFinished: () => {},
  sendTakenOver: () => {},
};

const KEY = Symbol.for("ig-inbox.metrics");
type TGlobal = typeof globalThis & { [KEY]?: TMetricsRegistry };

/** The process's metrics; a no-op unless metrics are on. */
export function metrics(): TMetrics {
  return (globalThis as TGlobal)[KEY]?.api ?? NOOP;
}

/** The process's registry, if metrics are on. */
export function metricsRegistry(): TMetricsRegistry | undefined {
  return (globalThis as TGlobal)[KEY];
}

/** Turns metrics on for this process (once; later calls return the same registry). */
export function enableMetrics(sources: TMetricSources): TMetricsRegistry {
  const g = globalThis as TGlobal;
  g[KEY] ??= createMetricsRegistry(sources);
  return g[KEY];
}

/** Turns metrics off again (tests that turned them on). */
export function disableMetrics(): void {
  (globalThis as TGlobal)[KEY] = undefined;
}

/** A registry of its own (tests); `enableMetrics` makes the process's one. */
export function createMetricsRegistry(sources: TMetricSources): TMetricsRegistry {
  const registry = new client.Registry();
  // Standard names (process_*, nodejs_*: memory, CPU, event-loop delay, GC), as the usual
  // Node.js dashboards expect them; our own metrics are prefixed inbox_.
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  // Registered in this order, which is the order of the exposition text.
  const webhooks = webhookMetrics(registers);
  const outbox = outboxMetrics(registers);
  connectionGauges(registers, sources);
  const database = databaseGauges(registers, sources.sql);
  return {
    api: { ...webhooks, ...outbox },
    async scrape() {
      await database.read();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

type TRegisters = client.Registry[];

/** Webhooks answered and applied. */
function webhookMetrics(registers: TRegisters): Pick<TMetrics, "webhookAnswered" | "webhooksApplied"> {
  const received = new client.Counter({
    name: "inbox_webhooks_received_total",
    help: "Webhooks from CM answered, by kind and HTTP status of the answer.",
    labelNames: ["kind", "status"] as const,
    registers,
  });
  const applied = new client.Counter({
    name: "inbox_webhooks_applied_total",
    help: "Webhooks applied to the inbox by this instance.",
    registers,
  });
  return {
    webhookAnswered: (kind, status) => received.inc({ kind: KINDS.has(kind) ? kind : "other", status: String(status) }),
    webhooksApplied: (count) => {
      if (count > 0) applied.inc(count);
    },
  };
}

/** Sends to CM: their results, how long they took, and takeovers of a dead worker's sends. */
function outboxMetrics(registers: TRegisters): Pick<TMetrics, "sendFinished" | "sendTakenOver"> {
  const sends = new client.Counter({
    name: "inbox_outbox_sends_total",
    help: "Sends to CM by result: accepted, failed (for good: a person must look), retry (tried again later).",
    labelNames: ["result"] as const,
    registers,
  });
  const sendSeconds = new client.Histogram({
    name: "inbox_outbox_send_duration_seconds",
    help: "How long one send to CM took, by result.",
    labelNames: ["result"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  const takeovers = new client.Counter({
    name: "inbox_outbox_takeovers_total",
    help: "Sends taken over after their worker stopped before finishing them.",
    registers,
  });
  return {
    sendFinished: (result, seconds) => {
      sends.inc({ result });
      sendSeconds.observe({ result }, seconds);
    },
    sendTakenOver: () => takeovers.inc(),
  };
}

/** This process's connections, read from memory at each scrape: browsers and database pools. */
function connectionGauges(registers: TRegisters, sources: TMetricSources): void {
  new client.Gauge({
    name: "inbox_socket_connections",
    help: "Browsers connected to this instance's socket.io server.",
    registers,
    collect() {
      this.set(sources.browsers?.() ?? 0);
    },
  });
  new client.Gauge({
    name: "inbox_db_pool_connections",
    help: "PostgreSQL pool connections by pool (app, events) and state (total, idle, waiting: queries waiting for one).",
    labelNames: ["pool", "state"] as const,
    registers,
    collect() {
      for (const [name, pool] of Object.entries(sources.pools ?? {})) {
        if (!pool) continue;
        this.set({ pool: name, state: "total" }, pool.totalCount);
        this.set({ pool: name, state: "idle" }, pool.idleCount);
        this.set({ pool: name, state: "waiting" }, pool.waitingCount);
      }
    },
  });
}

/** The whole database's backlog, outbox and webhook ages; `read` refreshes them (each scrape). */
function databaseGauges(registers: TRegisters, sql: TSql): { read(): Promise<void> } {
  const backlog = new client.Gauge({
    name: "inbox_intake_backlog",
    help: "Webhooks stored and not yet applied (whole database: every instance reports the same).",
    registers,
  });
  const backlogAge = new client.Gauge({
    name: "inbox_intake_oldest_pending_age_seconds",
    help: "Age of the oldest webhook not yet applied; 0 when none is waiting.",
    registers,
  });
  const outboxDepth = new client.Gauge({
    name: "inbox_outbox_queue",
    help: "Replies waiting to be sent (queued) or being sent (sending), whole database.",
    labelNames: ["state"] as const,
    registers,
  });
  const lastWebhook = new client.Gauge({
    name: "inbox_account_last_webhook_age_seconds",
    help: "Seconds since the last webhook of each enabled account (absent: it never had one).",
    labelNames: ["account_id"] as const,
    registers,
  });
  const hooksPending = new client.Gauge({
    name: "inbox_hooks_pending",
    help: "Outgoing webhook deliveries waiting to be tried or retried, whole database.",
    registers,
  });
  const hooksAge = new client.Gauge({
    name: "inbox_hooks_oldest_pending_age_seconds",
    help: "Age of the oldest outgoing webhook not yet delivered (or its event not yet prepared); 0 when none waits.",
    registers,
  });
  const hooksDisabled = new client.Gauge({
    name: "inbox_hooks_endpoints_disabled",
    help: "Webhook endpoints turned off (410 Gone, failing for 3 days, or by an admin).",
    registers,
  });
  const scrapeErrors = new client.Counter({
    name: "inbox_metrics_database_errors_total",
    help: "Scrapes whose database gauges could not be read (the gauges keep their last values).",
    registers,
  });
  return {
    async read() {
      try {
        const gauges = await readDatabaseGauges(sql, Date.now());
        backlog.set(gauges.backlog);
        backlogAge.set(gauges.oldestPendingAgeSeconds);
        outboxDepth.set({ state: "queued" }, gauges.outbox.queued);
        outboxDepth.set({ state: "sending" }, gauges.outbox.sending);
        hooksPending.set(gauges.hooks.pending);
        hooksAge.set(gauges.hooks.oldestPendingAgeSeconds);
        hooksDisabled.set(gauges.hooks.disabledEndpoints);
        lastWebhook.reset();
        for (const [accountId, age] of gauges.lastWebhookAgeSeconds) lastWebhook.set({ account_id: accountId }, age);
      } catch {
        // The database is away: the process's own metrics are still worth a scrape.
        scrapeErrors.inc();
      }
    },
  };
}
