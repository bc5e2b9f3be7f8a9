import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount, createTestWebhook } from "@/lib/testing/factories";
import { sample } from "@/lib/testing/metrics-sample";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import { disableMetrics, enableMetrics, type TMetricsRegistry } from "./metrics";

describeEachDatabase("metrics", (ctx) => {
  let registry: TMetricsRegistry;
  beforeAll(() => {
    registry = enableMetrics({ sql: ctx.db.sql, pools: { app: ctx.db.pool } });
  });
  afterAll(() => disableMetrics());

  const scrape = async () => (await registry.scrape()).body;

  it("counts webhooks by kind and answer, and reads the backlog and its age from the database", async () => {
    const account = await createTestAccount(ctx.db.prisma);
    const server = await startWebhookServer(ctx.db);
    const before = await scrape();
    expect(sample(before, "inbox_intake_backlog")).toBe(0);
    expect(sample(before, "inbox_intake_oldest_pending_age_seconds")).toBe(0);

    const message = {
      messages: { msg: [] },
    };
    expect((await server.post("x".repeat(20), "messages", message)).status).toBe(401);
    expect((await server.post(account.webhookSecret, "nonsense", message)).status).toBe(404);
    await createTestWebhook(ctx.db.prisma, account.id, {
      kind: "MESSAGE",
      state: "PENDING",
      receivedAt: new Date(Date.now() - 90_000),
    });
    await createTestWebhook(ctx.db.prisma, account.id, { kind: "EVENT", state: "PENDING", receivedAt: new Date() });

    const after = await scrape();
    expect(sample(after, "inbox_webhooks_received_total", { kind: "messages", status: "401" })).toBe(1);
    expect(sample(after, "inbox_webhooks_received_total", { kind: "other", status: "404" })).toBe(1);
    expect(sample(after, "inbox_intake_backlog")).toBe(2);
    expect(sample(after, "inbox_intake_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(89);
    expect(sample(after, "inbox_account_last_webhook_age_seconds", { account_id: account.id })).toBeLessThan(60);
    expect(sample(after, "inbox_outbox_queue", { state: "queued" })).toBe(0);
    expect(sample(after, "inbox_hooks_pending")).toBe(0);
    expect(sample(after, "inbox_hooks_endpoints_disabled")).toBe(0);
    if (ctx.db.pool)
      expect(sample(after, "inbox_db_pool_connections", { pool: "app", state: "total" })).toBeGreaterThan(0);
    // The process's own metrics, under their standard names.
    expect(sample(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(after).toContain("nodejs_eventloop_lag_p99_seconds");

    await ctx.db.prisma.webhookEvent.updateMany({ data: { state: "DONE" } });
    expect(sample(await scrape(), "inbox_intake_backlog")).toBe(0);
  });

  it("counts an outgoing webhook's event not prepared yet in the oldest wait", async () => {
    expect(sample(await scrape(), "inbox_hooks_oldest_pending_age_seconds")).toBe(0);
    const event = await ctx.db.prisma.hookEvent.create({
      data: { type: "conversation.created", resourceId: "c-waiting", occurredAt: new Date(Date.now() - 120_000) },
      select: { id: true },
    });
    expect(sample(await scrape(), "inbox_hooks_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(119);
    await ctx.db.prisma.hookEvent.update({ where: { id: event.id }, data: { preparedAt: new Date() } });
    expect(sample(await scrape(), "inbox_hooks_oldest_pending_age_seconds")).toBe(0);
  });

  it("still answers a scrape when the database cannot be read, and counts that", async () => {
    const broken = enableMetrics({ sql: { query: () => Promise.reject(new Error("down")) } });
    expect(broken).toBe(registry); // one registry per process: the first one stays
    const { createMetricsRegistry } = await import("./metrics");
    const own = createMetricsRegistry({ sql: { query: () => Promise.reject(new Error("down")) } });
    const text = (await own.scrape()).body;
    expect(sample(text, "inbox_metrics_database_errors_total")).toBe(1);
  });
});
