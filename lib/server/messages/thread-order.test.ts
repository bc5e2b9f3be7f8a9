import { afterAll, beforeAll, expect, it } from "vitest";
import type { TMessagePage } from "../../messages/schemas";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { agentReplies } from "../../testing/search-fixture";
import { startWebhookServer } from "../../testing/webhook-server";
import { listMessages } from "./list-messages";

// The thread follows the moment this inbox stored each message (one clock, ours), not the
// time a message carries: CM's timeUtc has whole seconds from CM's clock, ours milliseconds.
describeEachDatabase("thread order", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    account = await createTestAccount(ctx.db.prisma);
  });
  afterAll(() => server.close());

  const customer = (igsid: string) => ({
    write: async (timeUtc: string, text: string, custom: Record<string, unknown> = {}) => {
      const posted = await server.post(account.webhookSecret, "messages", {
        from: { number: igsid, name: "Quinn" },
        to: { number: account.igAccountId },
        message: { text, custom },
        timeUtc,
        channel: "Instagram",
      });
      expect(posted.status).toBe(200);
    },
  });
  const conversationOf = (igsid: string) =>
    ctx.db.prisma.conversation.findFirstOrThrow({ where: { contact: { igsid } }, select: { id: true } });
  const texts = (page: TMessagePage) =>
    page.messages.map((m) => String(m.content?.text ?? m.content?.label ?? m.content?.event ?? m.kind)).reverse();

  it("puts the customer's answer below the agent's question of the same second", async () => {
    const quinn = customer("7300000000000001");
    await quinn.write("2026-04-01T11:59:00", "hello");
    await server.drain();
    const { id: conversationId } = await conversationOf("7300000000000001");
    await agentReplies(ctx.db.prisma, conversationId, "Pickup or delivery?", new Date("2026-04-01T12:00:00.700Z"));
    // CM stamps the answer 12:00:00: earlier than the question by its time, later by ours.
    await quinn.write("2026-04-01T12:00:00", "Delivery", {
      suggestions: [{ action: "reply", label: "Delivery", postbackData: "delivery" }],
    });
    await server.drain();

    const page = await listMessages(ctx.db.prisma, { conversationId, limit: 50 });
    expect(texts(page)).toEqual(["hello", "Pickup or delivery?", "Delivery"]);
    // The time shown stays CM's.
    expect(page.messages[0]?.sentAt).toBe("2026-04-01T12:00:00.000Z");
  });

  it("keeps a batch in arrival order, and the reopened line after the message that reopened it", async () => {
    const rita = customer("7300000000000002");
    await rita.write("2026-04-01T09:00:00", "first");
    await server.drain();
    const { id: conversationId } = await conversationOf("7300000000000002");
    await ctx.db.prisma.conversation.update({ where: { id: conversationId }, data: { status: "RESOLVED" } });
    // Three messages of the same second, applied together in one statement.
    await rita.write("2026-04-01T10:00:00", "one");
    await rita.write("2026-04-01T10:00:00", "two");
    await rita.write("2026-04-01T10:00:00", "three");
    await server.drain();

    const page = await listMessages(ctx.db.prisma, { conversationId, limit: 50 });
    expect(texts(page)).toEqual(["first", "one", "two", "three", "reopened"]);
  });
});
