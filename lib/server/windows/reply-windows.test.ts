import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { createDemoMessage } from "../demo/create-demo-message";
import { sendMessage } from "../messages/send-message";
import { accessibleAccountIds } from "../access/account-access";
import { allReplyWindowRows } from "../../windows/group-reply-windows";
import { listReplyWindows } from "./list-reply-windows";

// The board on a fixed clock: customers who wrote at known times before `now`.
const NOW = new Date("2026-03-10T12:00:00.000Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const H = 60;

describeEachDatabase("listReplyWindows", (ctx) => {
  const ids: Record<string, string> = {};
  const users = {} as Record<"agent" | "admin", { id: string; name: string; role: string }>;
  let shopA = "";
  let shopB = "";

  const write = async (key: string, accountId: string, at: Date, text = `hello from ${key}`) => {
    await createDemoMessage(ctx.db.prisma, {
      accountId,
      igsid: key,
      name: `Customer ${key}`,
      username: key,
      text,
      now: at,
    });
    const contact = await ctx.db.prisma.contact.findFirstOrThrow({ where: { accountId, igsid: key } });
    const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ where: { contactId: contact.id } });
    ids[key] = conversation.id;
    return conversation.id;
  };

  beforeAll(async () => {
    const prisma = ctx.db.prisma;
    shopA = (await createTestAccount(prisma, { displayName: "Shop A" })).id;
    const b = await createTestAccount(prisma, { displayName: "Shop B" });
    shopB = b.id;
    await prisma.instagramAccount.update({ where: { id: shopB }, data: { humanAgentTag: true } });
    users.agent = await prisma.user.create({ data: { email: "ada@test.local", name: "Ada", role: "agent" } });
    users.admin = await prisma.user.create({ data: { email: "boss@test.local", name: "Boss", role: "admin" } });
    await prisma.accountMember.create({ data: { accountId: shopA, userId: users.agent.id } });

    await write("a-50min", shopA, ago(23 * H + 10), "where is my order? ".repeat(10));
    await write("a-3h", shopA, ago(21 * H));
    await prisma.conversation.update({ where: { id: ids["a-3h"] }, data: { assigneeId: users.agent.id } });
    await write("a-5h", shopA, ago(19 * H));
    await write("a-answered", shopA, ago(22 * H));
    await sendMessage(prisma, {
      conversationId: ids["a-answered"] ?? "",
      authorId: users.agent.id,
      content: { kind: "text", text: "on it" },
      now: ago(21 * H),
    });
    await write("a-resolved", shopA, ago(23 * H + 30));
    await prisma.conversation.update({ where: { id: ids["a-resolved"] }, data: { status: "RESOLVED" } });
    await write("a-closed", shopA, ago(30 * H));
    await write("b-tag", shopB, ago(30 * H));
    await write("b-handover", shopB, ago(23 * H + 50));
    await prisma.conversation.update({
      where: { id: ids["b-handover"] },
      data: { handoverUntil: new Date(ago(23 * H + 50).getTime() + 24 * 3600_000) },
    });
    await write("b-too-old", shopB, ago(8 * 24 * H));
  });

  const board = async (who: "agent" | "admin", limit?: number) =>
    listReplyWindows(ctx.db.prisma, {
      accountIds: await accessibleAccountIds(ctx.db.prisma, users[who]),
      now: NOW,
      ...(limit ? { limit } : {}),
    });
  const keysOf = (rows: { conversationId: string }[]) =>
    rows.map((row) => Object.keys(ids).find((key) => ids[key] === row.conversationId));

  it("groups waiting customers by the time left, soonest first, with the tag's zone and handovers apart", async () => {
    const { groups, truncated } = await board("admin");
    expect(keysOf(groups.underOneHour)).toEqual(["a-50min"]);
    expect(keysOf(groups.oneToFourHours)).toEqual(["a-3h"]);
    expect(keysOf(groups.humanAgentTag)).toEqual(["b-tag"]);
    expect(keysOf(groups.handedOver)).toEqual(["b-handover"]);
    expect(truncated).toBe(false);
  });

  it("gives each row its customer, account, owner, closing time and an excerpt of the last message", async () => {
    const { groups } = await board("admin");
    const [soon] = groups.underOneHour;
    expect(soon).toMatchObject({
      accountName: "Shop A",
      customer: { igsid: "a-50min", name: "Customer a-50min", username: "a-50min" },
      owner: null,
      closesAt: "2026-03-10T12:50:00.000Z",
      tagClosesAt: null,
    });
    expect(soon?.lastMessage.length).toBeLessThanOrEqual(120);
    expect(soon?.lastMessage.startsWith("where is my order? where")).toBe(true);
    expect(soon?.lastMessage.endsWith("…")).toBe(true);
    expect(groups.oneToFourHours[0]?.owner).toEqual({ id: users.agent.id, name: "Ada" });
    expect(groups.humanAgentTag[0]?.tagClosesAt).toBe(
      new Date(ago(30 * H).getTime() + 7 * 24 * 3600_000).toISOString(),
    );
  });

  it("shows an agent only the accounts they work", async () => {
    const { groups } = await board("agent");
    expect(keysOf(allReplyWindowRows(groups))).toEqual(["a-50min", "a-3h"]);
    const none = await listReplyWindows(ctx.db.prisma, { accountIds: [], now: NOW });
    expect(allReplyWindowRows(none.groups)).toEqual([]);
    expect(none.refreshAt).toBeNull();
  });

  it("says when the next waiting customer's window enters the last 4 hours", async () => {
    // a-5h wrote 19 hours ago: its window closes in 5 hours, so in 1 hour it is on the board.
    expect((await board("agent")).refreshAt).toBe("2026-03-10T13:00:00.000Z");
  });

  it("limits each part of the board and says so", async () => {
    // The soonest of the window's last 4 hours is b-handover (23 h 50 min ago), then a-50min.
    const { groups, truncated } = await board("admin", 1);
    expect(keysOf(allReplyWindowRows(groups))).toEqual(["b-tag", "b-handover"]);
    expect(truncated).toBe(true);
  });

  it("leaves a conversation once an agent answers", async () => {
    await sendMessage(ctx.db.prisma, {
      conversationId: ids["a-50min"] ?? "",
      authorId: users.agent.id,
      content: { kind: "text", text: "looking now" },
      now: ago(1),
    });
    const { groups } = await board("agent");
    expect(keysOf(allReplyWindowRows(groups))).toEqual(["a-3h"]);
  });
});
