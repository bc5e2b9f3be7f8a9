import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";

const CUSTOMER = "6543210987654321";

function mo(account: string, overrides: Record<string, unknown> = {}, custom: Record<string, unknown> = {}) {
  const { message, ...rest } = overrides;
  return {
    reference: "",
    messageContext: "",
    from: { number: CUSTOMER, name: "Jane Doe" },
    to: { number: account },
    message: {
      text: "Hi, where is my order?",
      media: { mediaUri: "", contentType: "", title: "" },
      custom: { username: "jane.doe", ...custom },
      ...(message as object),
    },
    groupings: ["", "", ""],
    time: "2026-01-10 14:05:00",
    timeUtc: "2026-01-10T13:05:00",
    channel: "Instagram",
    ...rest,
  };
}

function statusReport(reference: string, code: string, extra: Record<string, string> = {}) {
  return {
    messages: {
      msg: {
        received: extra.received ?? "2026-01-10T13:06:00",
        to: CUSTOMER,
        reference,
        status: { code, errorCode: extra.errorCode ?? "", errorDescription: extra.errorDescription ?? "" },
        operator: "",
      },
    },
  };
}

describeEachDatabase("CM webhooks", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let secret: string;
  let igAccountId: string;
  let accountId: string;

  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    const account = await createTestAccount(ctx.db.prisma);
    ({ webhookSecret: secret, igAccountId, id: accountId } = account);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await ctx.db.prisma.message.deleteMany();
    await ctx.db.prisma.conversation.deleteMany();
    await ctx.db.prisma.contact.deleteMany();
    await ctx.db.prisma.webhookEvent.deleteMany();
  });

  // As CM does it: POST the webhook (stored, answered), then the intake processor applies it.
  const post = async (kind: string, body: unknown, options: { secret?: string; raw?: string } = {}) => {
    const answer = await server.post(options.secret ?? secret, kind, body, options.raw);
    await server.drain();
    return answer;
  };
  const waiting = () => ctx.db.prisma.webhookEvent.count({ where: { state: "WAITING" } });
  const counts = async () => ({
    events: await ctx.db.prisma.webhookEvent.count(),
    messages: await ctx.db.prisma.message.count(),
    conversations: await ctx.db.prisma.conversation.count(),
  });

  it("stores a text message with its contact and conversation, once", async () => {
    const first = await post("messages", mo(igAccountId));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ ok: true, stored: 1, duplicates: 0 });
    const again = await post("messages", mo(igAccountId));
    expect(again.json).toMatchObject({ stored: 0, duplicates: 1 });

    expect(await counts()).toEqual({ events: 1, messages: 1, conversations: 1 });
    const contact = await ctx.db.prisma.contact.findFirstOrThrow();
    expect(contact).toMatchObject({ igsid: CUSTOMER, name: "Jane Doe", username: "jane.doe", accountId });
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow();
    expect(conversation.lastMessagePreview).toBe("Hi, where is my order?");
    expect(conversation.lastInboundAt?.toISOString()).toBe("2026-01-10T13:05:00.000Z");
    const message = await ctx.db.prisma.message.findFirstOrThrow();
    expect(message).toMatchObject({
      direction: "INBOUND",
      kind: "TEXT",
      status: "RECEIVED",
      content: { text: "Hi, where is my order?" },
    });
  });

  it("keeps only the CDN link of an image, the label and postback of a quick reply, and a story reply", async () => {
    const cdn = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=123&signature=abc";
    await post(
      "messages",
      mo(igAccountId, { message: { text: "", media: { mediaUri: cdn, contentType: "image/jpeg", title: "" } } }),
    );
    await post(
      "messages",
      mo(
        igAccountId,
        { timeUtc: "2026-01-10T13:05:01", message: { text: "Size 42" } },
        { suggestions: [{ action: "Reply", postbackData: "SIZE_42" }] },
      ),
    );
    await post(
      "messages",
      mo(
        igAccountId,
        { timeUtc: "2026-01-10T13:05:02", message: { text: "love it" } },
        { storyReply: { url: "https://cdn.example/story", id: "178" } },
      ),
    );
    const messages = await ctx.db.prisma.message.findMany({ orderBy: { sentAt: "asc" } });
    expect(messages.map((m) => [m.kind, m.content])).toEqual([
      ["IMAGE", { url: cdn, mimeType: "image/jpeg", caption: "" }],
      ["QUICK_REPLY_ANSWER", { label: "Size 42", postbackData: "SIZE_42" }],
      ["STORY_REPLY", { text: "love it", storyUrl: "https://cdn.example/story", storyId: "178" }],
    ]);
  });

  it("hands the chat over to the Instagram inbox for 24 hours when the customer taps HUMAN_AGENT", async () => {
    await post(
      "messages",
      mo(
        igAccountId,
        { message: { text: "Talk to live agent" } },
        { suggestions: [{ action: "Reply", postbackData: "HUMAN_AGENT" }] },
      ),
    );
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow();
    expect(conversation.handoverUntil?.toISOString()).toBe("2026-01-11T13:05:00.000Z");
  });

  it("keeps a message it cannot read as unsupported, with the raw payload", async () => {
    await post(
      "messages",
      mo(igAccountId, {
        message: { text: "", media: { mediaUri: "https://x/y.mp4", contentType: "no-such-type", title: "" } },
      }),
    );
    const message = await ctx.db.prisma.message.findFirstOrThrow();
    expect(message.kind).toBe("UNSUPPORTED");
    expect(JSON.stringify(message.content)).toContain("https://x/y.mp4");
  });

  it("marks a message deleted, even when the delete arrives first", async () => {
    const deleteEvent = (mid: string) => ({
      from: { number: CUSTOMER },
      to: { number: igAccountId },
      event: { type: "MessageDelete", reference: mid },
      timeUtc: "2026-01-10T13:07:00",
      channel: "Instagram",
    });
    await post("messages", mo(igAccountId, {}, { mid: "mid-1" }));
    expect((await post("events", deleteEvent("mid-1"))).json).toMatchObject({ stored: 1 });
    expect(await waiting()).toBe(0);
    const deleted = await ctx.db.prisma.message.findFirstOrThrow({ where: { externalId: "mid-1" } });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await ctx.db.prisma.conversation.findFirstOrThrow()).lastMessagePreview).toBe("Message deleted");

    // Out of order: the delete for mid-2 comes before mid-2 itself.
    expect((await post("events", deleteEvent("mid-2"))).json).toMatchObject({ stored: 1 });
    expect(await waiting()).toBe(1);
    await post(
      "messages",
      mo(igAccountId, { timeUtc: "2026-01-10T13:08:00", message: { text: "oops" } }, { mid: "mid-2" }),
    );
    const late = await ctx.db.prisma.message.findFirstOrThrow({ where: { externalId: "mid-2" } });
    expect(late.deletedAt).not.toBeNull();
    expect(await waiting()).toBe(0);
  });

  it("shows a story mention with its link, and keeps unknown events", async () => {
    const event = (type: string, custom: Record<string, unknown>) => ({
      from: { number: CUSTOMER },
      to: { number: igAccountId },
      event: { type, custom },
      timeUtc: "2026-01-10T13:09:00",
      channel: "Instagram",
    });
    expect((await post("events", event("StoryMention", { url: "https://cdn.example/mention" }))).status).toBe(200);
    expect((await post("events", event("OptInSubscribed", { token: "x" }))).status).toBe(200);
    const message = await ctx.db.prisma.message.findFirstOrThrow();
    expect(message).toMatchObject({ kind: "STORY_MENTION", content: { url: "https://cdn.example/mention" } });
    expect(await ctx.db.prisma.webhookEvent.count({ where: { kind: "EVENT" } })).toBe(2);
    // A mention opens the 24-hour reply window (README: Instagram's rules), and the customer waits for an answer.
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow();
    expect(conversation.lastInboundAt?.toISOString()).toBe("2026-01-10T13:09:00.000Z");
    expect(conversation.waitingSince?.toISOString()).toBe("2026-01-10T13:09:00.000Z");
  });

  it("moves delivery state forward only, whatever order and number the reports come in", async () => {
    await post("messages", mo(igAccountId));
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow();
    const sent = await ctx.db.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "OUTBOUND",
        kind: "TEXT",
        content: { text: "On its way!" },
        status: "SENDING",
        cmReference: "ref0001",
        sentAt: new Date(),
      },
    });
    const state = async () => (await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: sent.id } })).status;

    await post("status-reports", statusReport("ref0001", "2", { received: "2026-01-10T13:06:02" }));
    expect(await state()).toBe("DELIVERED");
    await post("status-reports", statusReport("ref0001", "0", { received: "2026-01-10T13:06:01" }));
    expect(await state()).toBe("DELIVERED");
    const duplicate = await post("status-reports", statusReport("ref0001", "2", { received: "2026-01-10T13:06:02" }));
    expect(duplicate.json).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await ctx.db.prisma.webhookEvent.count({ where: { kind: "STATUS_REPORT" } })).toBe(2);
  });

  it("records a failure in plain words, and keeps an early report until its message exists", async () => {
    await post("messages", mo(igAccountId));
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow();
    const early = await post(
      "status-reports",
      statusReport("ref0002", "3", { errorCode: "40", errorDescription: "Conversation window closed" }),
    );
    expect(early.json).toMatchObject({ stored: 1 });
    const pending = await ctx.db.prisma.webhookEvent.findFirstOrThrow({ where: { cmReference: "ref0002" } });
    expect(pending).toMatchObject({ state: "WAITING", processedAt: null });

    const failed = await ctx.db.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "OUTBOUND",
        kind: "TEXT",
        content: { text: "hello?" },
        status: "ACCEPTED",
        cmReference: "ref0003",
        sentAt: new Date(),
      },
    });
    await post("status-reports", statusReport("ref0003", "3", { errorDescription: "Conversation window closed" }));
    const row = await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row.status).toBe("FAILED");
    expect(row.statusReason).toBe("Instagram did not take the message: Conversation window closed");
  });

  it("refuses an unknown secret, a foreign account, malformed and oversized bodies, storing nothing", async () => {
    const before = await counts();
    const unknown = await post("messages", mo(igAccountId), { secret: "not-a-secret" });
    expect(unknown.status).toBe(401);
    const foreign = await post("messages", mo("17841499999999999"));
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(foreign.json)).toContain("17841499999999999");
    const notJson = await post("messages", null, { raw: "{not json" });
    expect(notJson.status).toBe(400);
    const notMo = await post("messages", { hello: "world" });
    expect(notMo.status).toBe(400);
    expect((notMo.json.error as { message: string }).message).toMatch(/^Not a CM inbound message/);
    const huge = await post("messages", mo(igAccountId, { message: { text: "x".repeat(70_000) } }));
    expect(huge.status).toBe(413);
    const badKind = await post("nonsense", mo(igAccountId));
    expect(badKind.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
