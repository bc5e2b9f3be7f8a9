import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { createDemoMessage } from "../demo/create-demo-message";
import { sendMessage } from "../messages/send-message";
import { countLostWindows } from "./count-lost-windows";
import { listReplyWindows } from "./list-reply-windows";
import { sweepLostWindows } from "./sweep-lost-windows";

const T0 = new Date("2026-03-10T12:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3600_000);

describeEachDatabase("sweepLostWindows and countLostWindows", (ctx) => {
  const ids: Record<string, string> = {};
  let shop = "";
  let other = "";
  let agentId = "";

  const write = async (key: string, accountId: string, when: Date) => {
    await createDemoMessage(ctx.db.prisma, { accountId, igsid: key, name: key, username: key, text: "hi", now: when });
    const contact = await ctx.db.prisma.contact.findFirstOrThrow({ where: { accountId, igsid: key } });
    ids[key] = (await ctx.db.prisma.conversation.findFirstOrThrow({ where: { contactId: contact.id } })).id;
    return ids[key];
  };
  const lostFacts = (conversationId: string) =>
    ctx.db.prisma.reportEvent.findMany({ where: { conversationId, kind: "WINDOW_LOST" }, orderBy: { at: "asc" } });

  beforeAll(async () => {
    const prisma = ctx.db.prisma;
    shop = (await createTestAccount(prisma, { displayName: "Shop" })).id;
    other = (await createTestAccount(prisma, { displayName: "Other" })).id;
    agentId = (await prisma.user.create({ data: { email: "ada@test.local", name: "Ada" } })).id;
    const label = await prisma.label.create({ data: { name: "VIP", color: "red" } });
    const ignored = await write("ignored", shop, at(0));
    await prisma.conversation.update({ where: { id: ignored }, data: { assigneeId: agentId } });
    await prisma.conversationLabel.create({ data: { conversationId: ignored, labelId: label.id } });
    await write("answered", shop, at(0));
    await sendMessage(prisma, {
      conversationId: ids.answered ?? "",
      authorId: agentId,
      content: { kind: "text", text: "done" },
      now: at(23),
    });
    const resolved = await write("resolved", shop, at(0));
    await prisma.conversation.update({ where: { id: resolved }, data: { status: "RESOLVED" } });
    const handedOver = await write("handed-over", shop, at(0));
    await prisma.conversation.update({ where: { id: handedOver }, data: { handoverUntil: at(24) } });
    await write("still-open", shop, at(2));
    await write("elsewhere", other, at(1));
  });

  it("marks each waiting customer's closed window once, at its closing, with owner and labels", async () => {
    const [first, second] = await Promise.all([
      sweepLostWindows(ctx.db.prisma, { now: at(25.5) }),
      sweepLostWindows(ctx.db.prisma, { now: at(25.5) }),
    ]);
    const swept = [...(first ?? []), ...(second ?? [])].map((row) => row.conversationId).sort();
    expect(swept).toEqual([ids.elsewhere, ids.ignored].sort());
    const conversation = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: ids.ignored ?? "" } });
    expect(conversation.windowLostAt?.toISOString()).toBe(at(24).toISOString());
    const facts = await lostFacts(ids.ignored ?? "");
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ at: at(24), accountId: shop, agentId, labelIds: [expect.any(String)] });
    expect((await lostFacts(ids.elsewhere ?? ""))[0]?.agentId).toBeNull();
    for (const key of ["answered", "resolved", "handed-over", "still-open"]) {
      expect(await lostFacts(ids[key] ?? ""), key).toEqual([]);
    }
    expect(await sweepLostWindows(ctx.db.prisma, { now: at(25.9) })).toEqual([]);
  });

  it("counts a new window again once the customer wrote again and waited past it", async () => {
    await createDemoMessage(ctx.db.prisma, {
      accountId: shop,
      igsid: "ignored",
      name: "ignored",
      username: "ignored",
      text: "hello??",
      now: at(30),
    });
    const [stillOpen] = await sweepLostWindows(ctx.db.prisma, { now: at(40) });
    expect(stillOpen).toEqual({ conversationId: ids["still-open"], accountId: shop, at: at(26) });
    const swept = await sweepLostWindows(ctx.db.prisma, { now: at(60) });
    expect(swept.map((row) => row.conversationId)).toEqual([ids.ignored]);
    expect((await lostFacts(ids.ignored ?? "")).map((fact) => fact.at)).toEqual([at(24), at(54)]);
  });

  it("counts lost windows per account in a period, for the accounts asked about", async () => {
    expect(await countLostWindows(ctx.db.prisma, { accountIds: null, from: at(0), to: at(60) })).toEqual([
      { accountId: shop, accountName: "Shop", count: 3 },
      { accountId: other, accountName: "Other", count: 1 },
    ]);
    expect(await countLostWindows(ctx.db.prisma, { accountIds: [other], from: at(0), to: at(60) })).toEqual([
      { accountId: other, accountName: "Other", count: 1 },
    ]);
    expect(await countLostWindows(ctx.db.prisma, { accountIds: null, from: at(25.5), to: at(60) })).toEqual([
      { accountId: shop, accountName: "Shop", count: 2 },
    ]);
    expect(await countLostWindows(ctx.db.prisma, { accountIds: [], from: at(0), to: at(60) })).toEqual([]);
  });

  it("shows last week's lost windows on the board", async () => {
    const board = await listReplyWindows(ctx.db.prisma, { accountIds: [shop], now: at(60) });
    expect(board.lostLastWeek).toEqual([{ accountId: shop, accountName: "Shop", count: 3 }]);
  });
});
