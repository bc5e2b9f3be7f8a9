import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";

// A customer writing in a labelled conversation: the live event's row keeps its labels, or
// every agent's list would drop the chips (and a list filtered by label the row) until a reload.
describeEachDatabase("intake: a labelled conversation's event carries its labels", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    account = await createTestAccount(ctx.db.prisma);
  });
  afterAll(() => server.close());

  const mo = (second: number, text: string) => ({
    from: { number: "6200000000000001", name: "Lou" },
    to: { number: account.igAccountId },
    message: { text },
    timeUtc: `2026-01-10T13:05:0${second}`,
    channel: "Instagram",
  });

  it("sends the labels with the conversation, by name", async () => {
    await server.post(account.webhookSecret, "messages", mo(1, "first"));
    const first = await server.drain();
    expect(first.conversations.map((c) => c.labels)).toEqual([[]]);

    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow();
    const vip = await ctx.db.prisma.label.create({ data: { name: "VIP", color: "amber" } });
    const asap = await ctx.db.prisma.label.create({ data: { name: "asap", color: "red" } });
    await ctx.db.prisma.conversationLabel.createMany({
      data: [vip, asap].map((label) => ({ conversationId: conversation.id, labelId: label.id })),
    });

    await server.post(account.webhookSecret, "messages", mo(2, "second"));
    const second = await server.drain();
    expect(second.conversations.map((c) => c.labels)).toEqual([
      [
        { id: asap.id, name: "asap", color: "red" },
        { id: vip.id, name: "VIP", color: "amber" },
      ],
    ]);
  });
});
