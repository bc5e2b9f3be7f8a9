import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";
import { processWebhooks } from "./process-webhooks";

// Issue 8: a new customer's first messages arriving at the same moment (on one instance or
// several) must all be stored. A clash while creating the contact or the conversation is not
// a duplicate delivery: only the webhook's own dedupe key says that.

function firstMessage(account: string, customer: string, n: number, named: boolean) {
  return {
    reference: "",
    from: named ? { number: customer, name: `Customer ${customer}` } : { number: customer },
    to: { number: account },
    message: { text: `message ${n} from ${customer}`, custom: named ? { username: `user${customer}` } : {} },
    timeUtc: `2026-01-10T13:05:${String(n % 60).padStart(2, "0")}`,
    channel: "Instagram",
  };
}

describeEachDatabase("concurrent first messages", (ctx) => {
  let servers: Awaited<ReturnType<typeof startWebhookServer>>[];
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    account = await createTestAccount(ctx.db.prisma);
    // Two endpoints, as two instances would have; on PostgreSQL one applies what it can at once (fast lane).
    servers = [await startWebhookServer(ctx.db), await startWebhookServer(ctx.db, { fastLane: true })];
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it("stores and applies every one of many first messages from nameless and named customers arriving together", async () => {
    const customers = Array.from({ length: 10 }, (_, i) => ({
      igsid: String(7000000000000000 + i),
      named: i % 2 === 0,
    }));
    const bodies = customers.flatMap((c) =>
      Array.from({ length: 5 }, (_, n) => firstMessage(account.igAccountId, c.igsid, n, c.named)),
    );
    const answers = await Promise.all(
      bodies.map((body, i) => servers[i % 2]!.post(account.webhookSecret, "messages", body)),
    );
    expect(answers.map((a) => [a.status, a.json.stored])).toEqual(bodies.map(() => [200, 1]));
    // Several processors at once, as on several instances.
    for (;;) {
      const rounds = await Promise.all([1, 2, 3].map(() => processWebhooks(ctx.db.prisma, { batchSize: 7 })));
      expect(rounds.map((r) => r.failed)).toEqual([0, 0, 0]);
      if (rounds.every((r) => r.claimed === 0)) break;
    }
    expect(await ctx.db.prisma.message.count()).toBe(bodies.length);
    expect(await ctx.db.prisma.contact.count()).toBe(customers.length);
    expect(await ctx.db.prisma.conversation.count()).toBe(customers.length);
    expect(await ctx.db.prisma.webhookEvent.count({ where: { state: { not: "DONE" } } })).toBe(0);
    const named = await ctx.db.prisma.contact.findFirstOrThrow({ where: { igsid: customers[0]?.igsid } });
    expect(named).toMatchObject({ name: `Customer ${customers[0]?.igsid}`, username: `user${customers[0]?.igsid}` });
    // Each conversation's preview is its newest message, whatever order they were applied in.
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({
      where: { contact: { igsid: customers[1]?.igsid } },
    });
    expect(conversation.lastMessagePreview).toBe(`message 4 from ${customers[1]?.igsid}`);
    // Reports (issue 19): each conversation opened once, however its first messages raced; every message counted in.
    const facts = await ctx.db.prisma.reportEvent.groupBy({ by: ["kind"], _count: true, orderBy: { kind: "asc" } });
    expect(facts.map((f) => [f.kind, f._count])).toEqual([
      ["OPENED", customers.length],
      ["MESSAGE_IN", bodies.length],
    ]);
  });
});
