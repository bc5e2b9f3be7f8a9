import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";

// The fast lane exists only on PostgreSQL (it runs beside the processor's connections).
describeEachDatabase(
  "intake: the fast lane stores and applies a message in one statement",
  (ctx) => {
    let server: Awaited<ReturnType<typeof startWebhookServer>>;
    beforeAll(async () => {
      server = await startWebhookServer(ctx.db, { fastLane: true });
    });
    afterAll(() => server.close());

    const mo = (to: string, customer: string, text: string, mid?: string) => ({
      from: { number: customer, name: `C${customer}` },
      to: { number: to },
      message: { text, ...(mid ? { custom: { mid } } : {}) },
      timeUtc: "2026-01-10T13:05:01",
      channel: "Instagram",
    });

    it("applies a new customer's message before answering, once, and recognises a copy", async () => {
      const account = await createTestAccount(ctx.db.prisma);
      const before = server.applied.createdMessages.length;
      const answer = await server.post(
        account.webhookSecret,
        "messages",
        mo(account.igAccountId, "7200000000000001", "hi"),
      );
      expect(answer).toMatchObject({ status: 200, json: { stored: 1, duplicates: 0 } });
      // Applied by the request itself: in the inbox and announced, the webhook DONE, nothing left to the processor.
      expect(server.applied.createdMessages.slice(before).map((m) => m.content)).toEqual([{ text: "hi" }]);
      expect(await ctx.db.prisma.message.count({ where: { conversation: { accountId: account.id } } })).toBe(1);
      expect(
        await ctx.db.prisma.webhookEvent.findMany({ where: { accountId: account.id }, select: { state: true } }),
      ).toEqual([{ state: "DONE" }]);
      expect(server.wakes()).toBe(0);

      const copy = await server.post(
        account.webhookSecret,
        "messages",
        mo(account.igAccountId, "7200000000000001", "hi"),
      );
      expect(copy).toMatchObject({ status: 200, json: { stored: 0, duplicates: 1 } });
      expect(await ctx.db.prisma.message.count({ where: { conversation: { accountId: account.id } } })).toBe(1);
    });

    it("leaves a message behind its customer's pending webhook to the processor, in order", async () => {
      const account = await createTestAccount(ctx.db.prisma);
      const customer = "7200000000000002";
      // A story mention is an event: stored for the processor, which has not run yet.
      await server.post(account.webhookSecret, "events", {
        from: { number: customer },
        to: { number: account.igAccountId },
        event: { type: "StoryMention", custom: { url: "https://cdn.example/story" } },
        timeUtc: "2026-01-10T13:05:00",
        channel: "Instagram",
      });
      const answer = await server.post(account.webhookSecret, "messages", mo(account.igAccountId, customer, "after"));
      expect(answer).toMatchObject({ status: 200, json: { stored: 1 } });
      expect(await ctx.db.prisma.message.count({ where: { conversation: { accountId: account.id } } })).toBe(0);
      expect(await ctx.db.prisma.webhookEvent.count({ where: { accountId: account.id, state: "PENDING" } })).toBe(2);

      await server.drain();
      const kinds = await ctx.db.prisma.message.findMany({
        where: { conversation: { accountId: account.id } },
        orderBy: { sentAt: "asc" },
        select: { kind: true },
      });
      expect(kinds.map((m) => m.kind)).toEqual(["STORY_MENTION", "TEXT"]);
    });

    it("stores nothing when the URL's secret was rotated meanwhile", async () => {
      const account = await createTestAccount(ctx.db.prisma);
      const server2 = await startWebhookServer(ctx.db, { fastLane: true });
      try {
        // Known to the URL cache, then rotated in the database: the statement checks it again.
        await server2.post(account.webhookSecret, "messages", mo(account.igAccountId, "7200000000000003", "one"));
        await ctx.db.prisma.instagramAccount.update({
          where: { id: account.id },
          data: { webhookSecret: "rotated-secret" },
        });
        const answer = await server2.post(
          account.webhookSecret,
          "messages",
          mo(account.igAccountId, "7200000000000003", "two"),
        );
        expect(answer.status).toBe(401);
        expect(await ctx.db.prisma.webhookEvent.count({ where: { accountId: account.id } })).toBe(1);
      } finally {
        await server2.close();
      }
    });

    it("puts back a delete that missed its message while both were being applied", async () => {
      const account = await createTestAccount(ctx.db.prisma);
      const customer = "7200000000000004";
      // The race, replayed: the delete was applied first and found nothing (WAITING) ...
      await server.post(account.webhookSecret, "events", {
        from: { number: customer },
        to: { number: account.igAccountId },
        event: { type: "MessageDelete", reference: "mid-race" },
        timeUtc: "2026-01-10T13:05:02",
        channel: "Instagram",
      });
      await server.drain();
      expect(await ctx.db.prisma.webhookEvent.count({ where: { accountId: account.id, state: "WAITING" } })).toBe(1);
      // ... and the message went in by the fast lane without seeing it (simulated: stored as if concurrent).
      await ctx.db.prisma.webhookEvent.updateMany({ where: { accountId: account.id }, data: { state: "DONE" } });
      await server.post(account.webhookSecret, "messages", mo(account.igAccountId, customer, "oops", "mid-race"));
      await ctx.db.prisma.webhookEvent.updateMany({
        where: { accountId: account.id, kind: "EVENT" },
        data: { state: "WAITING" },
      });
      expect(await ctx.db.prisma.message.count({ where: { deletedAt: { not: null }, externalId: "mid-race" } })).toBe(
        0,
      );

      // The processor looks for such deletes once a second.
      await server.drain(() => new Date(Date.now() + 2000));
      expect(await ctx.db.prisma.message.count({ where: { deletedAt: { not: null }, externalId: "mid-race" } })).toBe(
        1,
      );
      expect(await ctx.db.prisma.webhookEvent.count({ where: { accountId: account.id, state: { not: "DONE" } } })).toBe(
        0,
      );
    });
  },
  { postgresOnly: true },
);
