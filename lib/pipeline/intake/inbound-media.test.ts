import { afterAll, beforeAll, expect, it } from "vitest";
import { listMessages } from "@/lib/server/messages/list-messages";
import { searchConversations } from "@/lib/server/search/search-conversations";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { startWebhookServer } from "@/lib/testing/webhook-server";

// Voice notes, videos, files and shares arrive through the real webhook and are stored with
// Meta's CDN URL (never a copy), in the kind the thread renders; their words are searchable.
describeEachDatabase("intake: a customer's media and shares", (ctx) => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  let account: Awaited<ReturnType<typeof createTestAccount>>;
  beforeAll(async () => {
    server = await startWebhookServer(ctx.db);
    account = await createTestAccount(ctx.db.prisma);
  });
  afterAll(() => server.close());

  const cdn = (id: number) => `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${id}`;
  const send = async (message: Record<string, unknown>, second: number) => {
    const posted = await server.post(account.webhookSecret, "messages", {
      from: { number: "7400000000000001", name: "Mila" },
      to: { number: account.igAccountId },
      message: { text: "", media: { mediaUri: "", contentType: "", title: "" }, ...message },
      timeUtc: `2026-05-02T10:00:0${second}`,
      channel: "Instagram",
    });
    expect(posted.status).toBe(200);
  };

  it("stores each kind with its CDN URL, previews it and finds it by its words", async () => {
    await send({ media: { mediaUri: cdn(1), contentType: "audio/mp4", title: "" } }, 1);
    await send({ text: "my dog", media: { mediaUri: cdn(2), contentType: "video/mp4", title: "" } }, 2);
    await send({ media: { mediaUri: cdn(3), contentType: "application/pdf", title: "invoice-0042.pdf" } }, 3);
    await send(
      { text: "this one", custom: { share: { type: "ig_reel", url: "https://ig/r/1", title: "Velvet boots" } } },
      4,
    );
    await send({ custom: { share: { type: "ig_live", url: "https://ig/l/1" } } }, 5);
    await server.drain();

    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({
      where: { contact: { igsid: "7400000000000001" } },
    });
    const page = await listMessages(ctx.db.prisma, { conversationId: conversation.id, limit: 10 });
    expect(page.messages.map((m) => [m.kind, m.content]).reverse()).toEqual([
      ["AUDIO", { url: cdn(1), mimeType: "audio/mp4", caption: "" }],
      ["VIDEO", { url: cdn(2), mimeType: "video/mp4", caption: "my dog" }],
      ["FILE", { url: cdn(3), mimeType: "application/pdf", name: "invoice-0042.pdf", caption: "" }],
      ["SHARE", { shareType: "reel", url: "https://ig/r/1", title: "Velvet boots", text: "this one" }],
      ["UNSUPPORTED", { reason: "a shared ig_live", raw: expect.objectContaining({ channel: "Instagram" }) }],
    ]);
    expect(conversation.lastMessagePreview).toBe("Unsupported message");

    const kindOf = new Map(page.messages.map((m) => [m.id, m.kind]));
    const find = async (query: string) =>
      (await searchConversations(ctx.db.prisma, { query, accountIds: null, limit: 10 })).messages.map((hit) =>
        kindOf.get(hit.message.id),
      );
    expect(await find("invoice")).toEqual(["FILE"]);
    expect(await find("velvet")).toEqual(["SHARE"]);
    expect(await find("dog")).toEqual(["VIDEO"]);
  });

  it("previews each kind in the conversation list", async () => {
    const preview = async (message: Record<string, unknown>, second: number) => {
      await send(message, second);
      await server.drain();
      return (await ctx.db.prisma.conversation.findFirstOrThrow({ where: { contact: { igsid: "7400000000000001" } } }))
        .lastMessagePreview;
    };
    expect(await preview({ media: { mediaUri: cdn(4), contentType: "audio/aac", title: "" } }, 6)).toBe(
      "🎤 Voice message",
    );
    expect(await preview({ media: { mediaUri: cdn(5), contentType: "video/webm", title: "" } }, 7)).toBe("🎬 Video");
    expect(await preview({ custom: { share: { type: "share", url: "https://ig/p/2" } } }, 8)).toBe("🔗 Shared post");
    expect(await preview({ media: { mediaUri: cdn(6), contentType: "text/csv", title: "list.csv" } }, 9)).toBe(
      "📎 list.csv",
    );
  });
});
