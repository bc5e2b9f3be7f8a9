import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";

// Many webhooks applied in one statement must give what applying them one by one gives.
describeEachDatabase("intake: a batch of one customer's messages", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    account = await createTestAccount(ctx.db.prisma);
  });
  afterAll(() => server.close());

  const mo = (second: number, text: string, from: Record<string, string>, custom: Record<string, string> = {}) => ({
    from: { number: "6100000000000001", ...from },
    to: { number: account.igAccountId },
    message: { text, custom },
    timeUtc: `2026-01-10T13:05:0${second}`,
    channel: "Instagram",
  });

  it("folds out-of-order messages, names and an early delete into the same result as one by one", async () => {
    const post = (kind: string, body: unknown) => server.post(account.webhookSecret, kind, body);
    // The delete overtakes its message and waits.
    await post("events", {
      from: { number: "6100000000000001" },
      to: { number: account.igAccountId },
      event: { type: "MessageDelete", reference: "mid-gone" },
      timeUtc: "2026-01-10T13:06:00",
      channel: "Instagram",
    });
    await server.drain();
    await post("messages", mo(3, "newest", { name: "Jo" }, { username: "jo.one" }));
    await post("messages", mo(1, "oldest", {}));
    await post("messages", mo(2, "deleted soon", { name: "Jo Later" }, { mid: "mid-gone" }));
    const effects = await server.drain();

    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ include: { contact: true } });
    expect(conversation.lastMessagePreview).toBe("newest");
    expect(conversation.lastInboundAt?.toISOString()).toBe("2026-01-10T13:05:03.000Z");
    expect(conversation.contact).toMatchObject({ name: "Jo Later", username: "jo.one" });
    const messages = await ctx.db.prisma.message.findMany({ orderBy: { sentAt: "asc" } });
    expect(messages.map((m) => [(m.content as { text: string }).text, m.deletedAt !== null])).toEqual([
      ["oldest", false],
      ["deleted soon", true],
      ["newest", false],
    ]);
    expect(await ctx.db.prisma.webhookEvent.count({ where: { state: { not: "DONE" } } })).toBe(0);
    // One conversation update, three new messages, in the order they arrived.
    expect(effects.conversations.map((c) => c.lastMessagePreview)).toEqual(["newest"]);
    expect(effects.createdMessages.map((m) => m.deleted)).toEqual([false, false, true]);
  });
});
