import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createSecretBox } from "../../crypto/secret-box";
import { runOutboxRound } from "../../pipeline/outbox/run-outbox-round";
import type { TOutbox } from "../../pipeline/outbox/outbox-deps";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { TEST_PRODUCT_TOKEN, seedOutboxAccount } from "../../testing/outbox-fixture";
import type { TOutboundContentInput } from "../../messages/compose-schemas";
import { sendMessage } from "./send-message";
import { retryMessage } from "./retry-message";
import type { TEffects } from "../../effects/inbox-effects";

describeEachDatabase("sending a reply", (ctx) => {
  let cm: TFakeCm;
  let seed: Awaited<ReturnType<typeof seedOutboxAccount>>;
  let outbox: TOutbox;
  let conversationId: string;
  let igsid: string;

  beforeAll(async () => {
    cm = await startFakeCm();
    seed = await seedOutboxAccount(ctx.db.prisma, cm.url);
    outbox = seed.outbox();
    ({ conversationId, igsid } = await seed.startConversation());
  });
  afterAll(() => cm.close());
  beforeEach(() => {
    cm.requests.length = 0;
    cm.answer(accepted);
  });

  const store = (content: TOutboundContentInput, extra: { takeBack?: boolean; now?: Date; clientId?: string } = {}) =>
    sendMessage(ctx.db.prisma, {
      conversationId,
      authorId: seed.author.id,
      content,
      clientId: extra.clientId,
      takeBack: extra.takeBack,
      now: extra.now ?? new Date(),
    });
  /** Stores the reply, then lets the outbox send it; answers the message as it then is. */
  const send = async (text: string) => {
    const { message } = await store({ kind: "text", text });
    const effects: TEffects[] = [];
    await runOutboxRound(outbox, (e) => effects.push(e));
    const row = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    return { stored: message, row, effects };
  };

  it("stores the reply queued, then the outbox sends exactly the spec's plain-text request", async () => {
    const { message, effects } = await store(
      { kind: "text", text: "Thanks, an agent will look at your order." },
      {
        clientId: "c1",
      },
    );
    expect(message).toMatchObject({ status: "QUEUED", clientId: "c1", authorName: "Agent", attempts: 0 });
    expect(effects.createdMessages[0]?.id).toBe(message.id);
    expect(cm.requests).toHaveLength(0);

    const emitted: TEffects[] = [];
    expect(await runOutboxRound(outbox, (e) => emitted.push(e))).toBe(true);
    expect(emitted.flatMap((e) => e.updatedMessages.map((m) => m.status))).toEqual(["SENDING", "ACCEPTED"]);
    const [request] = cm.requests;
    expect(request?.headers["x-cm-producttoken"]).toBe(TEST_PRODUCT_TOKEN);
    const row = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "ACCEPTED", attempts: 1, maybeDuplicate: false, leaseUntil: null });
    expect(request?.body).toEqual({
      messages: {
        msg: [
          {
            from: seed.account.igAccountId,
            to: [{ number: igsid }],
            allowedChannels: ["Instagram"],
            reference: row.cmReference,
            body: { type: "auto", content: "Thanks, an agent will look at your order." },
          },
        ],
      },
    });
    expect(row.cmReference).toMatch(/^[A-Za-z0-9]{1,32}$/);
    expect(JSON.stringify(request?.body)).not.toContain(TEST_PRODUCT_TOKEN);
    expect(JSON.stringify(emitted)).not.toContain(TEST_PRODUCT_TOKEN);
    expect(await runOutboxRound(outbox, () => {})).toBe(false);
  });

  it("answers a resent request (same clientId) with the stored message instead of a second one", async () => {
    const first = await store({ kind: "text", text: "once" }, { clientId: "same-tab-1" });
    const again = await store({ kind: "text", text: "once" }, { clientId: "same-tab-1" });
    expect(again.message.id).toBe(first.message.id);
    expect(again.effects.createdMessages).toHaveLength(0);
    await runOutboxRound(outbox, () => {});
    expect(cm.requests).toHaveLength(1);
  });

  it("shows CM's refusal in plain words, at once and not retryable", async () => {
    cm.answer(() => ({
      status: 400,
      body: {
        details: "Created 0 message(s)",
        errorCode: 201,
        messages: [
          {
            to: igsid,
            status: "Rejected",
            reference: null,
            parts: 0,
            messageDetails: "A body without content was found",
            messageErrorCode: 304,
          },
        ],
      },
    }));
    const { row } = await send("hello");
    expect(row).toMatchObject({ status: "FAILED", retryable: false, attempts: 1 });
    expect(row.statusReason).toMatch(/^CM\.com refused the message: .*\(A body without content was found\)\.$/);
  });

  it("a failed message retried by an agent is queued afresh and sent with the same reference", async () => {
    cm.answer(() => ({ status: 400, body: { details: "No account", errorCode: 101, messages: [] } }));
    const { row } = await send("are you there?");
    expect(row.status).toBe("FAILED");

    cm.answer(accepted);
    const retried = await retryMessage(ctx.db.prisma, { messageId: row.id, now: new Date() });
    expect(retried.message).toMatchObject({ status: "QUEUED", attempts: 0, statusReason: null });
    expect(retried.effects.updatedMessages).toHaveLength(1);
    await runOutboxRound(outbox, () => {});
    const after = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", attempts: 1 });
    expect(cm.requests.map((r) => JSON.stringify(r.body).includes(row.cmReference ?? "?"))).toEqual([true, true]);
    await expect(retryMessage(ctx.db.prisma, { messageId: row.id, now: new Date() })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(retryMessage(ctx.db.prisma, { messageId: "missing", now: new Date() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("applies a status report that came before CM's answer", async () => {
    // CM delivers and reports before its HTTP answer reaches us: the report waits, stored.
    cm.answer(async (body) => {
      const reference = (body as { messages: { msg: { reference: string }[] } }).messages.msg[0]?.reference ?? "";
      await ctx.db.prisma.webhookEvent.create({
        data: {
          kind: "STATUS_REPORT",
          dedupeKey: `early-${reference}`,
          cmReference: reference,
          accountId: seed.account.id,
          state: "WAITING",
          payload: JSON.stringify({
            messages: { msg: { received: "x", to: igsid, reference, status: { code: "2" } } },
          }),
        },
      });
      return accepted(body);
    });
    const { row, effects } = await send("fast delivery");
    expect(row.status).toBe("DELIVERED");
    expect(effects.at(-1)?.updatedMessages.at(-1)?.status).toBe("DELIVERED");
    expect(await ctx.db.prisma.webhookEvent.count({ where: { state: "WAITING" } })).toBe(0);
  });

  it("refuses to store a reply outside the 24-hour window", async () => {
    const stored = await ctx.db.prisma.message.count();
    const now = new Date(Date.now() + 25 * 3_600_000);
    await expect(store({ kind: "text", text: "too late" }, { now })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { rule: "WINDOW_CLOSED" },
    });
    expect(await ctx.db.prisma.message.count()).toBe(stored);
  });

  it("during a handover, sends only to take the chat back, and the handover ends when CM accepts", async () => {
    const until = new Date(Date.now() + 3_600_000);
    await ctx.db.prisma.conversation.update({ where: { id: conversationId }, data: { handoverUntil: until } });
    await expect(store({ kind: "text", text: "hello?" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { rule: "HANDED_OVER" },
    });
    await store({ kind: "text", text: "We are back" }, { takeBack: true });
    const effects: TEffects[] = [];
    await runOutboxRound(outbox, (e) => effects.push(e));
    const conversation = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.handoverUntil).toBeNull();
    expect(effects.flatMap((e) => e.conversations).at(-1)?.handoverUntil).toBeNull();
  });

  it("sends a quick-reply message and a carousel as the spec's examples shape them", async () => {
    await store({
      kind: "text",
      text: "Hi, what can I do for you?",
      quickReplies: [
        { label: "Ask a question", postbackData: "QUESTION" },
        { label: "Talk to live agent", postbackData: "HUMAN_AGENT" },
      ],
    });
    const card = (header: string) => ({
      header,
      text: "Subtitle",
      buttons: [{ kind: "url" as const, label: "Visit", url: "https://cm.com" }],
    });
    const carousel = await store({ kind: "carousel", cards: [card("One"), card("Two")] });
    expect(carousel.message.kind).toBe("CAROUSEL");
    // One reply per conversation per round, in the order written.
    await runOutboxRound(outbox, () => {});
    await runOutboxRound(outbox, () => {});
    const [quick, rich] = cm.requests.map(
      (r) => (r.body as { messages: { msg: Record<string, unknown>[] } }).messages.msg[0],
    );
    expect(quick?.richContent).toEqual({
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
    const cards = (rich?.richContent as { conversation: { carousel: { cards: unknown[] } }[] }).conversation[0];
    expect(cards?.carousel.cards).toHaveLength(2);
  });

  it("refuses what Instagram would refuse, before storing it", async () => {
    const stored = await ctx.db.prisma.message.count();
    await expect(
      store({
        kind: "image",
        image: { url: "https://cdn.example.com/photo", mimeType: "image/jpeg", name: "photo.txt" },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Instagram would refuse this message/),
    });
    expect(await ctx.db.prisma.message.count()).toBe(stored);
  });

  it("records a send it cannot make as failed with the reason, never leaving it sending", async () => {
    const other = createSecretBox("o".repeat(64), "cm-product-token");
    const account = await ctx.db.prisma.instagramAccount.findUniqueOrThrow({ where: { id: seed.account.id } });
    await ctx.db.prisma.instagramAccount.update({
      where: { id: account.id },
      data: { productTokenEncrypted: other.encrypt(TEST_PRODUCT_TOKEN) },
    });
    try {
      const { row } = await send("with the wrong key");
      expect(row).toMatchObject({ status: "FAILED", retryable: false });
      expect(row.statusReason).toContain("cannot be read (was APP_SECRET changed?)");
      expect(cm.requests).toHaveLength(0);
    } finally {
      await ctx.db.prisma.instagramAccount.update({
        where: { id: account.id },
        data: { productTokenEncrypted: account.productTokenEncrypted },
      });
    }
  });

  it("refuses an unknown conversation", async () => {
    await expect(
      sendMessage(ctx.db.prisma, {
        conversationId: "missing",
        authorId: seed.author.id,
        content: { kind: "text", text: "x" },
        now: new Date(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
