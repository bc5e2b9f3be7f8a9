import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { loadSummaries } from "./load-summaries";

describeEachDatabase("loadSummaries", (ctx) => {
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

  const unread = async (user: string, ids: string[]) =>
    new Map((await loadSummaries(ctx.db.prisma, { ids, userId: user })).map((c) => [c.id, c.unreadCount]));

  it("counts the customer's messages stored after the agent's read mark, none deleted", async () => {
    const [first = "", second = "", third = ""] = conversations;
    expect(await unread(userId, conversations)).toEqual(
      new Map([
        [first, 3],
        [second, 1],
        [third, 0],
      ]),
    );
    expect(await unread("someone-else", [second])).toEqual(new Map([[second, 3]]));
  });

  it("answers in the order asked, leaves out unknown ids, and shows what the list shows", async () => {
    const [first = "", second = ""] = conversations;
    const label = await ctx.db.prisma.label.create({ data: { name: "Unread test", color: "blue" } });
    await ctx.db.prisma.conversationLabel.create({ data: { conversationId: second, labelId: label.id } });
    const rows = await loadSummaries(ctx.db.prisma, { ids: [second, "missing", first], userId });
    expect(rows.map((row) => row.id)).toEqual([second, first]);
    expect(rows[0]).toMatchObject({
      accountName: "Test shop",
      contact: { igsid: "7002", name: null, username: null },
      status: "OPEN",
      assignee: null,
      labels: [{ id: label.id, name: "Unread test", color: "blue" }],
      lastMessageAt: at(10).toISOString(),
      slaDueAt: null,
      slaAtRisk: false,
    });
    expect(await loadSummaries(ctx.db.prisma, { ids: [], userId })).toEqual([]);
  });
});
