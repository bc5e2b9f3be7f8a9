import { afterAll, beforeAll, expect, it } from "vitest";
import { sendMessage } from "../../server/messages/send-message";
import { describeEachDatabase } from "../../testing/databases";
import { accepted, startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { seedOutboxAccount } from "../../testing/outbox-fixture";
import { runOutboxRound } from "./run-outbox-round";

// Issue 10: with the account's human agent tag on, a person's reply 24 hours to 7 days after
// the customer wrote is stored and sent with Instagram's HUMAN_AGENT tag; otherwise refused.

describeEachDatabase("the human agent tag", (ctx) => {
  let cm: TFakeCm;
  let seed: Awaited<ReturnType<typeof seedOutboxAccount>>;
  beforeAll(async () => {
    cm = await startFakeCm();
    cm.answer(accepted);
    seed = await seedOutboxAccount(ctx.db.prisma, cm.url);
  });
  afterAll(() => cm.close());

  const wroteHoursAgo = async (hours: number) => {
    const { conversationId } = await seed.startConversation();
    const at = new Date(Date.now() - hours * 3_600_000);
    await ctx.db.prisma.conversation.update({ where: { id: conversationId }, data: { lastInboundAt: at } });
    return conversationId;
  };
  const send = (conversationId: string, text: string) =>
    sendMessage(ctx.db.prisma, {
      conversationId,
      authorId: seed.author.id,
      content: { kind: "text", text },
      now: new Date(),
    });

  it("refuses after 24 hours while it is off, tags between 24 hours and 7 days when on, refuses after 7 days", async () => {
    const late = await wroteHoursAgo(30);
    await expect(send(late, "too late")).rejects.toMatchObject({ code: "CONFLICT" });

    await ctx.db.prisma.instagramAccount.update({ where: { id: seed.account.id }, data: { humanAgentTag: true } });
    const inWindow = await send(await wroteHoursAgo(2), "in the window");
    expect(inWindow.message.tag).toBeNull();
    const tagged = await send(late, "a person answers late");
    expect(tagged.message.tag).toBe("HUMAN_AGENT");
    await expect(send(await wroteHoursAgo(24 * 7 + 1), "a week on")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/7 days/),
    });

    cm.requests.length = 0;
    while (await runOutboxRound(seed.outbox(), () => {})) {
      // until nothing is due
    }
    type TMsg = { body: { content: string }; richContent?: { conversation?: { text?: string; tag?: string }[] } };
    const sent = cm.requests.map((r) => (r.body as { messages: { msg: TMsg[] } }).messages.msg[0]);
    const byText = new Map(sent.map((m) => [m?.body.content, m]));
    // The tag rides on the rich message (CM's TextMessage.tag, FORMATS.md); an untagged text stays plain.
    expect(byText.get("a person answers late")?.richContent?.conversation).toEqual([
      { text: "a person answers late", tag: "HUMAN_AGENT" },
    ]);
    expect(byText.get("in the window")).toBeDefined();
    expect(JSON.stringify(byText.get("in the window"))).not.toContain("HUMAN_AGENT");
  });
});
