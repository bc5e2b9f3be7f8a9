import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { processWebhooks } from "@/lib/pipeline/intake/process-webhooks";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount, createTestWebhook } from "@/lib/testing/factories";
import { POISON_TEXT, refusePoisonMessages } from "@/lib/testing/refuse-poison";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import { getPipelineStatus } from "./get-pipeline-status";
import { retryAllFailed } from "./retry-all-failed";
import { retryWebhook } from "./retry-webhook";

describeEachDatabase("retrying webhooks from the pipeline page", (ctx) => {
  const prisma = () => ctx.db.prisma;
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  let server: Awaited<ReturnType<typeof startWebhookServer>>;

  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    await refusePoisonMessages(ctx.db);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await prisma().instagramAccount.deleteMany();
    await prisma().webhookEvent.deleteMany();
  });

  it("retries one webhook now, keeping its attempts; refuses what is applied or unknown", async () => {
    const shop = await createTestAccount(prisma());
    const failed = await createTestWebhook(prisma(), shop.id, {
      kind: "EVENT",
      receivedAt: ago(40),
      state: "FAILED",
      attempts: 8,
    });
    const later = new Date(now.getTime() + 60_000);
    const backingOff = await createTestWebhook(prisma(), shop.id, {
      kind: "MESSAGE",
      receivedAt: ago(1),
      state: "PENDING",
      attempts: 3,
      availableAt: later,
    });
    const done = await createTestWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(2) });
    const waiting = await createTestWebhook(prisma(), shop.id, {
      kind: "STATUS_REPORT",
      receivedAt: ago(2),
      state: "WAITING",
    });

    expect(await retryWebhook(prisma(), { id: failed.id, now })).toMatchObject({
      id: failed.id,
      state: "PENDING",
      attempts: 8,
      nextTryAt: now.toISOString(),
    });
    expect(await retryWebhook(prisma(), { id: backingOff.id, now })).toMatchObject({ state: "PENDING", attempts: 3 });
    expect(await prisma().webhookEvent.findUniqueOrThrow({ where: { id: backingOff.id } })).toMatchObject({
      availableAt: now,
    });
    await expect(retryWebhook(prisma(), { id: done.id, now })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This webhook was already applied: there is nothing to retry.",
    });
    await expect(retryWebhook(prisma(), { id: waiting.id, now })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(retryWebhook(prisma(), { id: "nope", now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma().webhookEvent.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ state: "DONE" });
  });

  it("retries all failed webhooks of one account only", async () => {
    const shop = await createTestAccount(prisma());
    const other = await createTestAccount(prisma());
    for (const minutes of [5, 6]) {
      await createTestWebhook(prisma(), shop.id, {
        kind: "MESSAGE",
        receivedAt: ago(minutes),
        state: "FAILED",
        attempts: 8,
      });
    }
    await createTestWebhook(prisma(), other.id, { kind: "MESSAGE", receivedAt: ago(5), state: "FAILED", attempts: 8 });

    expect(await retryAllFailed(prisma(), { accountId: shop.id, now })).toEqual({ retried: 2 });
    const states = await prisma().webhookEvent.findMany({ select: { accountId: true, state: true, attempts: true } });
    expect(states.filter((s) => s.accountId === shop.id)).toEqual([
      { accountId: shop.id, state: "PENDING", attempts: 8 },
      { accountId: shop.id, state: "PENDING", attempts: 8 },
    ]);
    expect(states.find((s) => s.accountId === other.id)?.state).toBe("FAILED");
    expect(await retryAllFailed(prisma(), { accountId: shop.id, now })).toEqual({ retried: 0 });
    await expect(retryAllFailed(prisma(), { accountId: "nope", now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("hands a retried webhook to the processor at once; one that still cannot be applied fails again", async () => {
    const shop = await createTestAccount(prisma());
    // The database refuses this message every time (the trigger above).
    const body = {
      from: { number: "6543210987654321", name: "Jane" },
      to: { number: shop.igAccountId },
      message: { text: POISON_TEXT },
      timeUtc: "2026-01-10T13:05:01",
      channel: "Instagram",
    };
    expect((await server.post(shop.webhookSecret, "messages", body)).status).toBe(200);
    const clock = new Date(Date.now() + 1000);
    expect(await processWebhooks(prisma(), { now: () => clock, maxAttempts: 1 })).toMatchObject({ failed: 1 });
    const [failing] = (await getPipelineStatus(prisma(), { now: clock })).accounts[0]?.failing ?? [];
    expect(failing).toMatchObject({ state: "FAILED", attempts: 1, nextTryAt: null });
    expect(failing?.lastError).toBeTruthy();

    await retryWebhook(prisma(), { id: failing?.id ?? "", now: clock });
    expect(await processWebhooks(prisma(), { now: () => clock, maxAttempts: 1 })).toMatchObject({ failed: 1 });
    expect(await prisma().webhookEvent.findUniqueOrThrow({ where: { id: failing?.id ?? "" } })).toMatchObject({
      state: "FAILED",
      attempts: 2,
    });
  });
});
