import { expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { INTERRUPTED_AFTER_MS, recoverInterruptedSends } from "./recover-interrupted-sends";

describeEachDatabase("recovering sends cut off by a stop", (ctx) => {
  it("turns old SENDING messages into retryable failures, and leaves recent ones alone", async () => {
    const account = await createTestAccount(ctx.db.prisma);
    const contact = await ctx.db.prisma.contact.create({ data: { accountId: account.id, igsid: "123456789" } });
    const conversation = await ctx.db.prisma.conversation.create({
      data: { accountId: account.id, contactId: contact.id, lastMessageAt: new Date() },
    });
    const make = (text: string) =>
      ctx.db.prisma.message.create({
        data: {
          conversationId: conversation.id,
          direction: "OUTBOUND",
          kind: "TEXT",
          content: { text },
          status: "SENDING",
          sentAt: new Date(),
        },
      });
    const old = await make("old");
    const recent = await make("recent");
    const later = new Date(old.updatedAt.getTime() + INTERRUPTED_AFTER_MS + 1000);
    await ctx.db.prisma.message.update({ where: { id: recent.id }, data: { updatedAt: later } });

    expect(await recoverInterruptedSends(ctx.db.prisma, later)).toBe(1);
    expect(await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "FAILED",
      retryable: true,
    });
    expect((await ctx.db.prisma.message.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe("SENDING");
  });
});
