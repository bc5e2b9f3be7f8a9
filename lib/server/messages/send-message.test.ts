import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { createTestRuntime } from "../../testing/test-runtime";
import { createSecretBox } from "../../crypto/secret-box";
import type { TDeliverDeps } from "./deliver-message";
import { retryMessage } from "./retry-message";
import { sendMessage } from "./send-message";
import type { TEffects } from "../webhooks/effects";

const TOKEN = "11111111-2222-3333-4444-555555555555";

describeEachDatabase("sending a reply", (ctx) => {
  let cm: TFakeCm;
  let deps: TDeliverDeps;
  let conversationId: string;
  let authorId: string;

  beforeAll(async () => {
    cm = await startFakeCm();
    const runtime = createTestRuntime(ctx.db);
    const tokens = createSecretBox("s".repeat(64), "cm-product-token");
    deps = { prisma: ctx.db.prisma, tokens, cmBaseUrl: "http://127.0.0.1:1" };
    const account = await ctx.db.prisma.instagramAccount.create({
      data: {
        igAccountId: "17841400000000000",
        displayName: "Shop",
        productTokenEncrypted: tokens.encrypt(TOKEN),
        productTokenLast4: "5555",
        webhookSecret: "secret-for-send-tests",
        cmBaseUrl: cm.url,
      },
    });
    const contact = await ctx.db.prisma.contact.create({ data: { accountId: account.id, igsid: "6543210987654321" } });
    const now = new Date();
    ({ id: conversationId } = await ctx.db.prisma.conversation.create({
      data: { accountId: account.id, contactId: contact.id, lastMessageAt: now, lastInboundAt: now },
    }));
    ({ id: authorId } = await ctx.db.prisma.user.create({ data: { email: "agent@x.com", name: "Agent" } }));
    void runtime;
  });
  afterAll(() => cm.close());
  beforeEach(() => {
    cm.requests.length = 0;
    cm.answer(accepted);
  });

  const send = (text: string, onStored: (e: TEffects) => void = () => {}) =>
    sendMessage(
      deps,
      { conversationId, authorId, content: { kind: "text", text }, clientId: "c1", now: new Date() },
      onStored,
    );

  it("stores first, then sends exactly the spec's plain-text request with the token in a header", async () => {
    const stored: TEffects[] = [];
    const { message } = await send("Thanks, an agent will look at your order.", (e) => stored.push(e));
    expect(stored[0]?.createdMessages[0]).toMatchObject({ status: "SENDING", clientId: "c1", authorName: "Agent" });
    expect(message.status).toBe("ACCEPTED");

    const [request] = cm.requests;
    expect(request?.headers["x-cm-producttoken"]).toBe(TOKEN);
    const row = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(request?.body).toEqual({
      messages: {
        msg: [
          {
            from: "17841400000000000",
            to: [{ number: "6543210987654321" }],
            allowedChannels: ["Instagram"],
            reference: row.cmReference,
            body: { type: "auto", content: "Thanks, an agent will look at your order." },
          },
        ],
      },
    });
    expect(row.cmReference).toMatch(/^[A-Za-z0-9]{1,32}$/);
    expect(JSON.stringify(request?.body)).not.toContain(TOKEN);
  });

  it("shows CM's refusal in plain words, not retryable", async () => {
    cm.answer(() => ({
      status: 400,
      body: {
        details: "Created 0 message(s)",
        errorCode: 201,
        messages: [
          {
            to: "6543210987654321",
            status: "Rejected",
            reference: null,
            parts: 0,
            messageDetails: "A body without content was found",
            messageErrorCode: 304,
          },
        ],
      },
    }));
    const { message } = await send("hello");
    expect(message).toMatchObject({ status: "FAILED", retryable: false });
    expect(message.statusReason).toMatch(/^CM\.com refused the message: .*\(A body without content was found\)\.$/);
  });

  it("marks a transport failure retryable, and a retry sends it again with the same reference", async () => {
    cm.answer(() => ({ status: 503, body: { message: "unavailable" } }));
    const { message } = await send("are you there?");
    expect(message).toMatchObject({ status: "FAILED", retryable: true });
    const first = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });

    cm.answer(accepted);
    const retried = await retryMessage(deps, message.id, () => {});
    expect(retried.message).toMatchObject({ status: "ACCEPTED", retryable: false, statusReason: null });
    const last = cm.requests.at(-1)?.body as { messages: { msg: { reference: string }[] } };
    expect(last.messages.msg[0]?.reference).toBe(first.cmReference);
  });

  it("applies a status report that came before CM's answer", async () => {
    const account = await ctx.db.prisma.instagramAccount.findFirstOrThrow();
    // CM delivers and reports before its HTTP answer reaches us: the report is stored pending.
    cm.answer(async (body) => {
      const reference = (body as { messages: { msg: { reference: string }[] } }).messages.msg[0]?.reference ?? "";
      await ctx.db.prisma.webhookEvent.create({
        data: {
          kind: "STATUS_REPORT",
          dedupeKey: `early-${reference}`,
          cmReference: reference,
          accountId: account.id,
          state: "WAITING",
          payload: JSON.stringify({
            messages: { msg: { received: "x", to: "6543210987654321", reference, status: { code: "2" } } },
          }),
        },
      });
      return accepted(body);
    });
    const { message, effects } = await send("fast delivery");
    expect(message.status).toBe("DELIVERED");
    expect(effects.updatedMessages.at(-1)?.status).toBe("DELIVERED");
    expect(await ctx.db.prisma.webhookEvent.count({ where: { processedAt: null } })).toBe(0);
  });

  it("refuses to send outside the 24-hour window, and sends nothing", async () => {
    const before = cm.requests.length;
    const stored = await ctx.db.prisma.message.count();
    const now = new Date(Date.now() + 25 * 3_600_000);
    await expect(
      sendMessage(deps, { conversationId, authorId, content: { kind: "text", text: "too late" }, now }, () => {}),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { rule: "WINDOW_CLOSED" } });
    expect(cm.requests.length).toBe(before);
    expect(await ctx.db.prisma.message.count()).toBe(stored);
  });

  it("during a handover, sends only to take the chat back, and then the handover ends", async () => {
    const until = new Date(Date.now() + 3_600_000);
    await ctx.db.prisma.conversation.update({ where: { id: conversationId }, data: { handoverUntil: until } });
    await expect(send("hello?")).rejects.toMatchObject({ code: "CONFLICT", details: { rule: "HANDED_OVER" } });

    const { message, effects } = await sendMessage(
      deps,
      { conversationId, authorId, content: { kind: "text", text: "We are back" }, takeBack: true, now: new Date() },
      () => {},
    );
    expect(message.status).toBe("ACCEPTED");
    const conversation = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.handoverUntil).toBeNull();
    expect(effects.conversations.at(-1)?.handoverUntil).toBeNull();
  });

  it("sends a quick-reply message and a carousel as the spec's examples shape them", async () => {
    const quick = await sendMessage(
      deps,
      {
        conversationId,
        authorId,
        content: {
          kind: "text",
          text: "Hi, what can I do for you?",
          quickReplies: [
            { label: "Ask a question", postbackData: "QUESTION" },
            { label: "Talk to live agent", postbackData: "HUMAN_AGENT" },
          ],
        },
        now: new Date(),
      },
      () => {},
    );
    expect(quick.message.kind).toBe("QUICK_REPLIES");
    const quickMsg = (cm.requests.at(-1)?.body as { messages: { msg: Record<string, unknown>[] } }).messages.msg[0];
    expect(quickMsg?.richContent).toEqual({
      conversation: [
        {
          text: "Hi, what can I do for you?",
          suggestions: [
            { action: "Reply", label: "Ask a question", postbackdata: "QUESTION" },
            { action: "Reply", label: "Talk to live agent", postbackdata: "HUMAN_AGENT" },
          ],
        },
      ],
    });

    const card = (header: string) => ({
      header,
      text: "Subtitle",
      buttons: [{ kind: "url" as const, label: "Visit", url: "https://cm.com" }],
    });
    const carousel = await sendMessage(
      deps,
      { conversationId, authorId, content: { kind: "carousel", cards: [card("One"), card("Two")] }, now: new Date() },
      () => {},
    );
    expect(carousel.message).toMatchObject({ kind: "CAROUSEL", status: "ACCEPTED" });
    const carouselMsg = (
      cm.requests.at(-1)?.body as {
        messages: { msg: { richContent: { conversation: { carousel: { cards: unknown[] } }[] } }[] };
      }
    ).messages.msg[0];
    expect(carouselMsg?.richContent.conversation[0]?.carousel.cards).toHaveLength(2);
  });

  it("refuses what Instagram would refuse, before storing or sending it", async () => {
    const before = cm.requests.length;
    const stored = await ctx.db.prisma.message.count();
    await expect(
      sendMessage(
        deps,
        {
          conversationId,
          authorId,
          content: {
            kind: "image",
            image: { url: "https://cdn.example.com/photo", mimeType: "image/jpeg", name: "photo.txt" },
          },
          now: new Date(),
        },
        () => {},
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Instagram would refuse this message/),
    });
    expect(cm.requests.length).toBe(before);
    expect(await ctx.db.prisma.message.count()).toBe(stored);
  });

  it("records a send it cannot make as failed with the reason, never leaving it sending", async () => {
    const account = await ctx.db.prisma.instagramAccount.findFirstOrThrow();
    const other = createSecretBox("o".repeat(64), "cm-product-token");
    await ctx.db.prisma.instagramAccount.update({
      where: { id: account.id },
      data: { productTokenEncrypted: other.encrypt(TOKEN) },
    });
    try {
      const { message } = await send("with the wrong key");
      expect(message).toMatchObject({ status: "FAILED", retryable: false });
      expect(message.statusReason).toContain("cannot be read (was APP_SECRET changed?)");
    } finally {
      await ctx.db.prisma.instagramAccount.update({ where: { id: account.id }, data: account });
    }
  });

  it("refuses an empty conversation id", async () => {
    await expect(
      sendMessage(
        deps,
        { conversationId: "missing", authorId, content: { kind: "text", text: "x" }, now: new Date() },
        () => {},
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
