import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { countUnread } from "./count-unread";

describeEachDatabase("countUnread", (ctx) => {
  const at = (minute: number) => new Date(Date.parse("2026-03-01T10:00:00Z") + minute * 60_000);
  let conversations: string[] = [];
  let userId = "";

  beforeAll(async () => {
    const prisma = ctx.db.prisma;
    const { id: accountId } = await createTestAccount(prisma);
    userId = (await prisma.user.create({ data: { email: "reader@example.test", name: "Reader" } })).id;
    conversations = [];
    for (const igsid of ["7001", "7002", "7003"]) {
      const contact = await prisma.contact.create({ data: { accountId, igsid } });
      const conversation = await prisma.conversation.create({
        data: { accountId, contactId: contact.id, lastMessageAt: at(10) },
      });
      conversations.push(conversation.id);
    }
    const [first = "", second = ""] = conversations;
    const message = (conversationId: string, minute: number, more: Record<string, unknown> = {}) =>
      prisma.message.create({
        data: {
          conversationId,
          direction: "INBOUND",
          kind: "TEXT",
          content: { text: `at ${minute}` },
          status: "RECEIVED",
          sentAt: at(minute),
          createdAt: at(minute),
          ...more,
        },
      });
    for (const minute of [1, 2, 3]) await message(first, minute);
    await message(first, 4, { direction: "OUTBOUND", status: "DELIVERED" });
    await message(first, 5, { deletedAt: at(6) });
    await message(first, 6, { direction: "INTERNAL", kind: "NOTE" });
    for (const minute of [1, 2]) await message(second, minute);
    await prisma.conversationRead.create({ data: { userId, conversationId: second, lastReadAt: at(2) } });
    await message(second, 3);
    await prisma.conversationRead.create({
      data: { userId, conversationId: conversations[2] ?? "", lastReadAt: at(9) },
    });
  });

  it("counts the customer's messages stored after the agent's read mark, none deleted, only conversations with some", async () => {
    const [first, second, third] = conversations;
    const unread = await countUnread(ctx.db.prisma, userId, conversations);
    expect(unread.get(first ?? "")).toBe(3);
    expect(unread.get(second ?? "")).toBe(1);
    expect(unread.has(third ?? "")).toBe(false);
    expect(await countUnread(ctx.db.prisma, "someone-else", [second ?? ""])).toEqual(new Map([[second, 3]]));
    expect(await countUnread(ctx.db.prisma, userId, [])).toEqual(new Map());
  });
});
