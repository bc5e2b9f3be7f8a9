import { beforeEach, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount, createTestWebhook } from "@/lib/testing/factories";
import { getPipelineStatus } from "./get-pipeline-status";

const MINUTE = 60_000;

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

describeEachDatabase("the pipeline page's status", (ctx) => {
  const prisma = () => ctx.db.prisma;
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

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
    await createTestWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(90) });
    await createTestWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(2) });
    await createTestWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(30) });
    const retrying = await createTestWebhook(prisma(), shop.id, {
      kind: "MESSAGE",
      receivedAt: ago(3),
      state: "PENDING",
      attempts: 2,
      lastError: "database is busy",
      availableAt: new Date(now.getTime() + 30_000),
    });
    const failed = await createTestWebhook(prisma(), shop.id, {
      kind: "EVENT",
      receivedAt: ago(40),
      state: "FAILED",
      attempts: 8,
      lastError: "invalid input syntax",
    });
    await createTestWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(120), state: "WAITING" });
    await createTestWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(5), state: "WAITING" });
    await createTestWebhook(prisma(), other.id, { kind: "MESSAGE", receivedAt: ago(10), state: "FAILED", attempts: 8 });

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
    await createTestWebhook(prisma(), shop.id, { kind: "MESSAGE", receivedAt: ago(30) });
    await createTestWebhook(prisma(), shop.id, { kind: "STATUS_REPORT", receivedAt: ago(60) });
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
});
