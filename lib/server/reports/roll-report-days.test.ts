import { beforeEach, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ZReportQuery } from "@/lib/reports/schemas";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { getReportOverview } from "./get-report-overview";
import { resolveReportScope } from "./resolve-report-scope";
import { rollReportDays } from "./roll-report-days";

// The roll-up worker and the triggers that keep it true: what reports read from it, and how a
// change to the facts of a rolled day is seen at once and rolled again.

const NOW = new Date("2026-12-09T12:00:00Z");
const ADMIN = { id: "admin", role: "admin" };

describeEachDatabase("report roll-up", (ctx) => {
  const prisma = () => ctx.db.prisma;
  let account: string;
  let conversation: string;

  beforeEach(async () => {
    await prisma().instagramAccount.deleteMany();
    account = (await createTestAccount(prisma(), { displayName: "Roll shop" })).id;
    await prisma().instagramAccount.update({ where: { id: account }, data: { timeZone: "Europe/Amsterdam" } });
    conversation = await newConversation(prisma(), account, "1");
    await prisma().reportEvent.createMany({
      data: ["2026-12-03T10:00:00Z", "2026-12-05T10:00:00Z", "2026-12-09T09:00:00Z"].map((at) => ({
        kind: "MESSAGE_IN" as const,
        at: new Date(at),
        accountId: account,
        conversationId: conversation,
      })),
    });
  });

  async function messagesIn(input: Record<string, string> = {}) {
    const query = ZReportQuery.parse({ range: "7d", accountId: account, ...input });
    const scoped = await resolveReportScope(prisma(), { user: ADMIN, query, now: NOW });
    return (await getReportOverview(prisma(), scoped)).figures.messagesIn.value;
  }
  const roll = (settleMs = 0) => rollReportDays(prisma(), { now: NOW, settleMs, limit: 1000 });
  const dirtyDays = async () =>
    (
      await prisma().reportRollupDay.findMany({
        where: { dirty: true },
        orderBy: [{ timeZone: "asc" }, { day: "asc" }],
      })
    ).map((d) => `${d.timeZone} ${d.day.toISOString().slice(0, 10)}`);

  it("rolls every whole day before today in UTC and in the account's zone, and reports read the rolled rows", async () => {
    const round = await roll();
    // 3–8 December in both zones; today (the 9th) stays with the facts.
    expect(round).toMatchObject({ claimed: 12, rolled: 12, busy: false });
    const days = await prisma().reportRollupDay.findMany({ where: { accountId: account } });
    expect(
      days
        .map((d) => d.day.toISOString().slice(0, 10))
        .sort()
        .at(-1),
    ).toBe("2026-12-08");
    expect(await messagesIn()).toBe(3);
    // A stored row is what the report reads for a clean day: changed by hand, the report follows.
    await prisma().reportRollup.updateMany({
      where: { accountId: account, timeZone: "Europe/Amsterdam", labelId: "", day: new Date("2026-12-05") },
      data: { messagesIn: 40 },
    });
    expect(await messagesIn()).toBe(42);
  });

  it("marks a rolled day dirty when its facts change, reads it from the facts meanwhile, and rolls it again", async () => {
    await roll();
    await prisma().reportEvent.create({
      data: {
        kind: "MESSAGE_IN",
        at: new Date("2026-12-05T23:30:00Z"),
        accountId: account,
        conversationId: conversation,
      },
    });
    // 23:30 UTC on the 5th is 00:30 on the 6th in Amsterdam.
    expect(await dirtyDays()).toEqual(["Europe/Amsterdam 2026-12-06", "UTC 2026-12-05"]);
    expect(await messagesIn()).toBe(4);
    expect(await messagesIn({ businessHours: "on" })).toBe(4);
    expect((await roll()).rolled).toBe(2);
    expect(await dirtyDays()).toEqual([]);
    expect(await messagesIn()).toBe(4);
  });

  it("follows label changes and deletions of rolled facts", async () => {
    const label = await prisma().label.create({ data: { name: "VIP", color: "amber" } });
    await roll();
    expect(await messagesIn({ labelId: label.id })).toBe(0);
    await prisma().reportEvent.updateMany({ where: { conversationId: conversation }, data: { labelIds: [label.id] } });
    expect(await dirtyDays()).toHaveLength(4);
    expect(await messagesIn({ labelId: label.id })).toBe(3);
    await roll();
    expect(await messagesIn({ labelId: label.id })).toBe(3);
    await prisma().conversation.delete({ where: { id: conversation } });
    expect(await messagesIn()).toBe(0);
    await roll();
    expect(await messagesIn({ labelId: label.id })).toBe(0);
    expect(await prisma().reportRollup.count({ where: { accountId: account, messagesIn: { gt: 0 } } })).toBe(0);
  });

  it("waits for a claimed day to settle, and forgets a time zone the account no longer uses", async () => {
    const first = await roll(60_000);
    expect(first).toMatchObject({ claimed: 12, rolled: 0 });
    expect(await messagesIn()).toBe(3);
    await roll();
    await prisma().instagramAccount.update({ where: { id: account }, data: { timeZone: "Asia/Tokyo" } });
    const round = await roll();
    expect(round.claimed).toBe(6);
    const zones = await prisma().reportRollupDay.groupBy({
      by: ["timeZone"],
      _count: true,
      orderBy: { timeZone: "asc" },
    });
    expect(zones.map((z) => [z.timeZone, z._count])).toEqual([
      ["Asia/Tokyo", 6],
      ["UTC", 6],
    ]);
    expect(await prisma().reportRollup.count({ where: { timeZone: "Europe/Amsterdam" } })).toBe(0);
    expect(await messagesIn()).toBe(3);
  });
});

async function newConversation(prisma: PrismaClient, accountId: string, igsid: string): Promise<string> {
  const contact = await prisma.contact.create({ data: { accountId, igsid } });
  return (await prisma.conversation.create({ data: { accountId, contactId: contact.id, lastMessageAt: NOW } })).id;
}
