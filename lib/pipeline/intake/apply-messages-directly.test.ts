import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import { applyMessagesDirectly } from "./apply-messages-directly";

// The driver-level round exists only on PostgreSQL (PGlite has one connection and goes
// through Prisma): it must give exactly what the general round gives.
describeEachDatabase(
  "intake: a round of messages straight on the driver",
  (ctx) => {
    let server: Awaited<ReturnType<typeof startWebhookServer>>;
    beforeAll(async () => {
      server = await startWebhookServer(ctx.db);
    });
    afterAll(() => server.close());

    it("applies messages with UTC times, leaves a customer's messages behind their pending event to the general round", async () => {
      const account = await createTestAccount(ctx.db.prisma);
      const mo = (customer: string, second: number) => ({
        from: { number: customer, name: `C${customer}` },
        to: { number: account.igAccountId },
        message: { text: `at ${second}` },
        timeUtc: `2026-01-10T13:05:0${second}`,
        channel: "Instagram",
      });
      await server.post(account.webhookSecret, "messages", mo("7100000000000001", 1));
      await server.post(account.webhookSecret, "messages", mo("7100000000000001", 2));
      // Customer 2: a story mention (an event) comes first; their message must wait for it.
      await server.post(account.webhookSecret, "events", {
        from: { number: "7100000000000002" },
        to: { number: account.igAccountId },
        event: { type: "StoryMention", custom: { url: "https://cdn.example/story" } },
        timeUtc: "2026-01-10T13:05:03",
        channel: "Instagram",
      });
      await server.post(account.webhookSecret, "messages", mo("7100000000000002", 4));

      const round = await applyMessagesDirectly(ctx.db.pool!, { now: new Date(Date.now() + 1000), limit: 200 });
      expect(round).toMatchObject({ claimed: 2, applied: 2 });
      expect(round.effects.createdMessages.map((m) => m.sentAt)).toEqual([
        "2026-01-10T13:05:01.000Z",
        "2026-01-10T13:05:02.000Z",
      ]);
      expect(round.effects.conversations.map((c) => c.lastInboundAt)).toEqual(["2026-01-10T13:05:02.000Z"]);
      expect(await ctx.db.prisma.webhookEvent.count({ where: { state: "PENDING" } })).toBe(2);

      // Customer 2's message was not taken ahead of their event; the general round applies both.
      await server.drain();
      expect(await ctx.db.prisma.message.count({ where: { kind: "STORY_MENTION" } })).toBe(1);
      expect(await ctx.db.prisma.message.count()).toBe(4);
      expect(await ctx.db.prisma.webhookEvent.count({ where: { state: { not: "DONE" } } })).toBe(0);
    });
  },
  { postgresOnly: true },
);
