import { afterAll, beforeAll, expect, it } from "vitest";
import * as handoverRoute from "@/app/api/v1/conversations/[id]/handover/route";
import * as messagesRoute from "@/app/api/v1/conversations/[id]/messages/route";
import * as conversationRoute from "@/app/api/v1/conversations/[id]/route";
import * as listRoute from "@/app/api/v1/conversations/route";
import { expectDescribed } from "@/lib/api-v1/expect-described";
import { createSecretBox } from "@/lib/crypto/secret-box";
import { setRuntime } from "@/lib/runtime";
import { createTeamToken } from "@/lib/server/api-tokens/api-tokens";
import { handOverDue } from "@/lib/server/bots/hand-over";
import { assignConversation } from "@/lib/server/conversations/assign-conversation";
import { countViews } from "@/lib/server/conversations/count-views";
import { setConversationStatus } from "@/lib/server/conversations/set-conversation-status";
import { deliverHooks } from "@/lib/server/hooks/deliver-hooks";
import { createHookEndpoint } from "@/lib/server/hooks/endpoints";
import { prepareHookEvents } from "@/lib/server/hooks/prepare-hook-events";
import { callApi, seedApiShops } from "@/lib/testing/api-fixture";
import { describeEachDatabase } from "@/lib/testing/databases";
import { startHookReceiver, type THookReceiver } from "@/lib/testing/hook-receiver";
import { startWebhookServer } from "@/lib/testing/webhook-server";

// A bot answers first (issue 21), tested with a small bot written here: it learns of customers'
// messages from the inbox's webhooks and answers and hands over through the public API, with
// its token only. Conversations that open on its account go to it, the team's queue does not
// show them, and it lets go when it says so, when the customer taps HUMAN_AGENT, when it stays
// silent, or when an agent takes the conversation.

const secrets = createSecretBox("s".repeat(64), "webhook-signing-secret");

describeEachDatabase("a bot answers first", (ctx) => {
  let seeded: Awaited<ReturnType<typeof seedApiShops>>;
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let receiver: THookReceiver;
  let botToken = "";
  let botId = "";
  let handled = 0;
  let n = 0;

  const customerWrites = async (igsid: string, text: string, suggestions?: unknown[]) => {
    n++;
    const { account } = seeded.shop;
    const answer = await server.post(account.webhookSecret, "messages", {
      from: { number: igsid, name: `Customer ${igsid}` },
      to: { number: account.igAccountId },
      message: { text, custom: { mid: `mid-bot-${igsid}-${n}`, ...(suggestions ? { suggestions } : {}) } },
      timeUtc: new Date().toISOString().slice(0, 19),
      channel: "Instagram",
    });
    expect(answer.status).toBe(200);
    await server.drain();
    return ctx.db.prisma.conversation.findFirstOrThrow({
      where: { accountId: account.id, contact: { igsid } },
      select: { id: true },
    });
  };
  const conversation = async (id: string) =>
    (await (
      await callApi(conversationRoute.GET, { token: botToken, path: `/conversations/${id}`, params: { id } })
    ).json()) as {
      status: string;
      bot: { id: string; name: string } | null;
      assignee: unknown;
    };

  /** The bot: for each customer's message the webhooks bring, it answers, or hands over when asked for a person. */
  const botRound = async () => {
    // Every event due (a conversation's events come one after another, in order).
    while (
      (await prepareHookEvents(ctx.db.prisma)) + (await deliverHooks(ctx.db.prisma, { secrets, allowLocal: true })) >
      0
    );
    const fresh = receiver.received.slice(handled);
    handled = receiver.received.length;
    for (const hook of fresh) {
      const message = hook.body.data.object as { direction?: string; content?: { text?: string } } | null;
      if (hook.type !== "message.created" || message?.direction !== "INBOUND" || !hook.conversationId) continue;
      const id = hook.conversationId;
      if ((await conversation(id)).bot?.id !== botId) continue;
      if (/agent|person/i.test(message.content?.text ?? "")) {
        const handed = await callApi(handoverRoute.POST, {
          token: botToken,
          path: `/conversations/${id}/handover`,
          method: "POST",
          params: { id },
        });
        expect(handed.status).toBe(200);
      } else {
        const sent = await callApi(messagesRoute.POST, {
          token: botToken,
          path: `/conversations/${id}/messages`,
          method: "POST",
          params: { id },
          body: {
            content: {
              kind: "text",
              text: "Hi! I am the order bot. Your order ships today. Type 'agent' for a person.",
            },
          },
        });
        expect(sent.status).toBe(201);
      }
    }
  };
  const lines = async (id: string) =>
    (
      await ctx.db.prisma.message.findMany({ where: { conversationId: id, kind: "SYSTEM" }, orderBy: { seq: "asc" } })
    ).map((m) => m.content as { event: string; handover?: string; botName?: string });
  const teamQueue = async () => {
    const answer = await callApi(listRoute.GET, {
      token: botToken,
      path: "/conversations?view=unassigned&status=open",
    });
    return ((await answer.json()) as { data: { id: string }[] }).data.map((c) => c.id);
  };
  const withBot = async () => {
    const answer = await callApi(listRoute.GET, { token: botToken, path: "/conversations?status=bot" });
    return ((await answer.json()) as { data: { id: string }[] }).data.map((c) => c.id);
  };

  beforeAll(async () => {
    seeded = await seedApiShops(ctx.db);
    server = await startWebhookServer(ctx.db);
    receiver = await startHookReceiver();
    const created = await createTeamToken(
      ctx.db.prisma,
      {
        name: "Order bot",
        scopes: ["conversations:read", "messages:write", "conversations:write"],
        accounts: [seeded.shop.account.id],
        bot: true,
        botSilenceSeconds: 60,
      },
      seeded.shop.author.id,
    );
    botToken = created.token;
    await ctx.db.prisma.accountMember.create({
      data: { accountId: seeded.shop.account.id, userId: seeded.shop.author.id },
    });
    botId = created.apiToken.id;
    const endpoint = await createHookEndpoint(
      ctx.db.prisma,
      {
        url: receiver.url,
        description: "the bot",
        events: ["message.created"],
        includeNotes: false,
        accounts: [seeded.shop.account.id],
      },
      { createdById: seeded.shop.author.id, secrets, rules: { allowLocal: true } },
    );
    receiver.secret = endpoint.secret;
  });
  afterAll(async () => {
    setRuntime(undefined);
    await server.close();
    await receiver.close();
  });

  it("gets new conversations first, answers them through the API, and hands over when the customer asks", async () => {
    const queued = await countViews(ctx.db.prisma, { userId: seeded.shop.author.id, accountIds: null });
    const { id } = await customerWrites("7100000001", "Where is my order?");
    expect(await conversation(id)).toMatchObject({
      status: "OPEN",
      bot: { id: botId, name: "Order bot" },
      assignee: null,
    });
    expect(await withBot()).toContain(id);
    expect(await teamQueue()).not.toContain(id);
    const views = await countViews(ctx.db.prisma, { userId: seeded.shop.author.id, accountIds: null });
    expect(views.unassigned).toBe(queued.unassigned);

    await botRound();
    const said = await ctx.db.prisma.message.findMany({
      where: { conversationId: id, direction: "OUTBOUND" },
      include: { apiToken: true },
    });
    expect(said.map((m) => [m.apiToken?.name, (m.content as { text: string }).text])).toEqual([
      ["Order bot", "Hi! I am the order bot. Your order ships today. Type 'agent' for a person."],
    ]);
    // The customer writes again: still the bot's.
    await customerWrites("7100000001", "Thanks, and can I talk to an agent?");
    await botRound();
    expect((await conversation(id)).bot).toBeNull();
    expect(await teamQueue()).toContain(id);
    expect(await withBot()).not.toContain(id);
    expect(await lines(id)).toEqual([
      { event: "handed_over", actorName: "Order bot (API)", handover: "bot", botName: "Order bot" },
    ]);
    expect(receiver.badSignatures).toBe(0);
  });

  it("hands over when the customer taps HUMAN_AGENT, or when the bot stays silent, and not before", async () => {
    const tapped = await customerWrites("7100000002", "Hello");
    await customerWrites("7100000002", "Talk to a person", [{ action: "Reply", postbackData: "HUMAN_AGENT" }]);
    const silent = await customerWrites("7100000003", "Anyone there?");
    expect((await conversation(silent.id)).bot?.id).toBe(botId);

    const soon = await handOverDue(ctx.db.prisma, { now: new Date(Date.now() + 5_000) });
    expect(soon.conversations.map((c) => c.id)).toEqual([tapped.id]);
    expect((await lines(tapped.id)).at(-1)).toMatchObject({ event: "handed_over", handover: "customer_asked" });
    expect((await conversation(silent.id)).bot?.id).toBe(botId);

    const later = await handOverDue(ctx.db.prisma, { now: new Date(Date.now() + 90_000) });
    expect(later.conversations.map((c) => c.id)).toEqual([silent.id]);
    expect((await lines(silent.id)).at(-1)).toMatchObject({
      event: "handed_over",
      handover: "bot_silent",
      actorName: null,
    });
    expect(await teamQueue()).toEqual(expect.arrayContaining([tapped.id, silent.id]));
  });

  it("lets go when an agent takes the conversation, and gets it again when the customer comes back after it was resolved", async () => {
    const { id } = await customerWrites("7100000004", "Hi");
    const agent = { id: seeded.shop.author.id, role: "admin", name: "Agent" };
    await assignConversation(ctx.db.prisma, { conversationId: id, actor: agent, assigneeId: seeded.shop.author.id });
    expect((await conversation(id)).bot).toBeNull();
    await setConversationStatus(ctx.db.prisma, { conversationId: id, actor: agent, change: { status: "RESOLVED" } });
    await assignConversation(ctx.db.prisma, { conversationId: id, actor: agent, assigneeId: null });
    await customerWrites("7100000004", "Me again");
    expect(await conversation(id)).toMatchObject({ status: "OPEN", bot: { id: botId } });
    // Reopened by an agent (no new message from the customer): the team's, not the bot's.
    await setConversationStatus(ctx.db.prisma, { conversationId: id, actor: agent, change: { status: "RESOLVED" } });
    await setConversationStatus(ctx.db.prisma, { conversationId: id, actor: agent, change: { status: "OPEN" } });
    expect((await conversation(id)).bot).toBeNull();
  });

  it("refuses a hand-over of a conversation no bot holds, and hands over a revoked bot's conversations", async () => {
    const { id } = await customerWrites("7100000005", "Hello bot");
    await ctx.db.prisma.apiToken.update({ where: { id: botId }, data: { revokedAt: new Date() } });
    const handed = await handOverDue(ctx.db.prisma);
    expect(handed.conversations.map((c) => c.id)).toContain(id);
    expect((await lines(id)).at(-1)).toMatchObject({ handover: "bot_revoked" });
    await ctx.db.prisma.apiToken.update({ where: { id: botId }, data: { revokedAt: null } });
    const again = await callApi(handoverRoute.POST, {
      token: botToken,
      path: `/conversations/${id}/handover`,
      method: "POST",
      params: { id },
    });
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain("No bot holds this conversation");
  });

  it("refuses a token without conversations:write (403) and another account's conversation (404)", async () => {
    const { id } = await customerWrites("7100000006", "Hello again");
    const reader = await seeded.token("Reader", ["conversations:read"], "shop");
    const refused = await callApi(handoverRoute.POST, {
      token: reader,
      path: `/conversations/${id}/handover`,
      method: "POST",
      params: { id },
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await expectDescribed(refused, "POST", "/conversations/{id}/handover"))).toContain(
      "conversations:write",
    );
    const foreign = seeded.foreign;
    const hidden = await callApi(handoverRoute.POST, {
      token: botToken,
      path: `/conversations/${foreign}/handover`,
      method: "POST",
      params: { id: foreign },
    });
    expect(hidden.status).toBe(404);
    await expectDescribed(hidden, "POST", "/conversations/{id}/handover");
    const handed = await callApi(handoverRoute.POST, {
      token: botToken,
      path: `/conversations/${id}/handover`,
      method: "POST",
      params: { id },
    });
    expect(handed.status).toBe(200);
    expect(await expectDescribed(handed, "POST", "/conversations/{id}/handover")).toMatchObject({ id, bot: null });
  });
});
