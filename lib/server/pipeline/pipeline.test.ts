import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { PrismaClient, WebhookKind, WebhookState } from "@/lib/db/generated/client";
import { processWebhooks } from "@/lib/pipeline/intake/process-webhooks";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import { getPipelineStatus } from "./get-pipeline-status";
import { retryAllFailed } from "./retry-all-failed";
import { retryWebhook } from "./retry-webhook";

const MINUTE = 60_000;

/** A stored webhook row as the intake leaves it; the payload column is raw text. */
function storeWebhook(
  prisma: PrismaClient,
  accountId: string,
  row: {
    kind: WebhookKind;
    receivedAt: Date;
    state?: WebhookState;
    attempts?: number;
    lastError?: string;
    availableAt?: Date;
  },
) {
  return prisma.webhookEvent.create({
    data: {
      accountId,
      dedupeKey: randomUUID(),
      payload: "{}",
      orderKey: `${accountId}:6543210987654321`,
      state: "DONE",
      availableAt: row.receivedAt,
      ...row,
    },
  });
}

async function reply(
  prisma: PrismaClient,
  conversationId: string,
  row: {
    status: "QUEUED" | "ACCEPTED" | "DELIVERED" | "FAILED";
    sentAt: Date;
    updatedAt: Date;
    nextAttemptAt?: Date;
    statusReason?: string;
  },
) {
  const message = await prisma.message.create({
    data: {
      conversationId,
      direction: "OUTBOUND",
      kind: "TEXT",
      content: { text: "Hello" },
      status: row.status,
      sentAt: row.sentAt,
      nextAttemptAt: row.nextAttemptAt ?? null,
      statusReason: row.statusReason ?? null,
    },
  });
  // updatedAt is CM's acceptance (or failure) time here; Prisma would stamp it with the real clock.
  await prisma.$executeRaw`UPDATE "Message" SET "updatedAt" = ${row.updatedAt} WHERE "id" = ${message.id}`;
  return message;
}

async function conversationOf(prisma: PrismaClient, accountId: string, lastMessageAt: Date) {
  const contact = await prisma.contact.create({ data: { accountId, igsid: String(Date.now()) + Math.random() } });
  return prisma.conversation.create({ data: { accountId, contactId: contact.id, lastMessageAt } });
}

describeEachDatabase("the pipeline page's status and retries", (ctx) => {
  const prisma = () => ctx.db.prisma;
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  let server: Awaited<ReturnType<typeof startWebhookServer>>;

  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    await prisma().instagramAccount.deleteMany();
    await prisma().webhookEvent.deleteMany();
  });

  it("shows a freshly linked account with nothing yet and no warning", async () => {
    const account = await createTestAccount(prisma(), { displayName: "Fresh shop" });
    const status = await getPipelineStatus(prisma(), { now });
    expect(status.accounts).toEqual([
      expect.objectContaining({
        accountId: account.id,
        displayName: "Fresh shop",
        warnings: [],
        lastWebhookAt: { MESSAGE: null, EVENT: null, STATUS_REPORT: null },
        webhooks: {
          lastHour: 0,
          pending: 0,
          retrying: 0,
          failed: 0,
          waiting: 0,
          waitingOverAnHour: 0,
          oldestPendingAt: null,
        },
        replies: { queued: 0, nextQueuedAttemptAt: null, failedLastDay: 0, recentFailures: [] },
        failing: [],
      }),
    ]);
  });

  it("counts per account and kind, lists what fails, and warns", async () => {
    const shop = await createTestAccount(prisma(), { displayName: "A shop" });
    const other = await createTestAccount(prisma(), { displayName: "B shop" });
    await storeWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(90) });
    await storeWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(2) });
    await storeWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(30) });
    const retrying = await storeWebhook(prisma(), shop.id, {
      kind: "MESSAGE",
      receivedAt: ago(3),
      state: "PENDING",
      attempts: 2,
      lastError: "database is busy",
      availableAt: new Date(now.getTime() + 30_000),
    });
    const failed = await storeWebhook(prisma(), shop.id, {
      kind: "EVENT",
      receivedAt: ago(40),
      state: "FAILED",
      attempts: 8,
      lastError: "invalid input syntax",
    });
    await storeWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(120), state: "WAITING" });
    await storeWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(5), state: "WAITING" });
    await storeWebhook(prisma(), other.id, { kind: "MESSAGE", receivedAt: ago(10), state: "FAILED", attempts: 8 });

    const conversation = await conversationOf(prisma(), shop.id, ago(1));
    await reply(prisma(), conversation.id, {
      status: "QUEUED",
      sentAt: ago(1),
      updatedAt: ago(1),
      nextAttemptAt: ago(-1),
    });
    await reply(prisma(), conversation.id, {
      status: "QUEUED",
      sentAt: ago(2),
      updatedAt: ago(1),
      nextAttemptAt: ago(-5),
    });
    await reply(prisma(), conversation.id, {
      status: "FAILED",
      sentAt: ago(60),
      updatedAt: ago(59),
      statusReason: "Blocked",
    });
    await reply(prisma(), conversation.id, { status: "FAILED", sentAt: ago(25 * 60), updatedAt: ago(25 * 60) });
    await reply(prisma(), conversation.id, { status: "ACCEPTED", sentAt: ago(21), updatedAt: ago(20) });
    await reply(prisma(), conversation.id, { status: "DELIVERED", sentAt: ago(50), updatedAt: ago(49) });

    const status = await getPipelineStatus(prisma(), { now });
    expect(status.accounts.map((a) => a.displayName)).toEqual(["A shop", "B shop"]);
    const [a, b] = status.accounts;
    expect(a?.lastWebhookAt).toEqual({
      MESSAGE: ago(2).toISOString(),
      EVENT: ago(40).toISOString(),
      STATUS_REPORT: ago(5).toISOString(),
    });
    expect(a?.lastHourByKind).toEqual({ MESSAGE: 2, EVENT: 1, STATUS_REPORT: 2 });
    expect(a?.webhooks).toEqual({
      lastHour: 5,
      pending: 1,
      retrying: 1,
      failed: 1,
      waiting: 2,
      waitingOverAnHour: 1,
      oldestPendingAt: ago(3).toISOString(),
    });
    expect(a?.failing).toEqual([
      {
        id: retrying.id,
        kind: "MESSAGE",
        state: "PENDING",
        receivedAt: ago(3).toISOString(),
        attempts: 2,
        lastError: "database is busy",
        nextTryAt: new Date(now.getTime() + 30_000).toISOString(),
      },
      {
        id: failed.id,
        kind: "EVENT",
        state: "FAILED",
        receivedAt: ago(40).toISOString(),
        attempts: 8,
        lastError: "invalid input syntax",
        nextTryAt: null,
      },
    ]);
    expect(a?.replies).toEqual({
      queued: 2,
      nextQueuedAttemptAt: ago(-1).toISOString(),
      failedLastDay: 1,
      recentFailures: [{ at: ago(59).toISOString(), reason: "Blocked" }],
    });
    // A status report arrived (5 minutes ago) after the reply was accepted (20 minutes ago):
    // reports do come, so only the failed webhook and the backlog warn.
    expect(a?.warnings.map((w) => w.kind)).toEqual(["failed-webhooks", "backlog"]);

    expect(b?.webhooks.failed).toBe(1);
    expect(b?.failing).toHaveLength(1);
    expect(b?.replies.queued).toBe(0);
    expect(b?.warnings.map((w) => w.kind)).toEqual(["failed-webhooks"]);
  });

  it("warns when accepted replies get no status report", async () => {
    const shop = await createTestAccount(prisma());
    await storeWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(30) });
    await storeWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(60) });
    const conversation = await conversationOf(prisma(), shop.id, ago(25));
    await reply(prisma(), conversation.id, { status: "ACCEPTED", sentAt: ago(25), updatedAt: ago(25) });
    const [account] = (await getPipelineStatus(prisma(), { now })).accounts;
    expect(account?.warnings).toEqual([
      expect.objectContaining({
        kind: "no-status-reports",
        message: "1 reply was accepted by CM but no status report arrived for 25 minutes.",
      }),
    ]);
  });

  it("retries one webhook now, keeping its attempts; refuses what is applied or unknown", async () => {
    const shop = await createTestAccount(prisma());
    const failed = await storeWebhook(prisma(), shop.id, {
      kind: "EVENT",
      receivedAt: ago(40),
      state: "FAILED",
      attempts: 8,
    });
    const later = new Date(now.getTime() + 60_000);
    const backingOff = await storeWebhook(prisma(), shop.id, {
      kind: "MESSAGE",
      receivedAt: ago(1),
      state: "PENDING",
      attempts: 3,
      availableAt: later,
    });
    const done = await storeWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(2) });
    const waiting = await storeWebhook(prisma(), shop.id, {
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
      await storeWebhook(prisma(), shop.id, {
        kind: "MESSAGE",
        receivedAt: ago(minutes),
        state: "FAILED",
        attempts: 8,
      });
    }
    await storeWebhook(prisma(), other.id, { kind: "MESSAGE", receivedAt: ago(5), state: "FAILED", attempts: 8 });

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
    // PostgreSQL cannot store U+0000 in a JSON column: this message fails every time.
    const body = {
      from: { number: "6543210987654321", name: "Jane" },
      to: { number: shop.igAccountId },
      message: { text: "bad\u0000" },
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
