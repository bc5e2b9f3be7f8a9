import { expect, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations } from "../../db/migrate";
import type { Prisma } from "../../db/generated/client";
import { replayTimeline, type TTimelineEntry } from "../../reports/replay-timeline";
import { insertTestAccountAsOfInit } from "../../testing/factories";
import { describeEachDatabase } from "../../testing/databases";

// The release that brought reports fills ReportEvent for the history kept before it. A database
// migrated up to the migration before the backfill gets a small history (messages, notes and
// system lines as the inbox wrote them); the backfill must then yield exactly what the measures
// (lib/reports/measures.ts) yield for the same timeline, around the clock.
const BACKFILL = "20261206202000_report_backfill";

describeEachDatabase(
  "the reports backfill",
  (ctx) => {
    it("fills the report facts and each conversation's opening from the history", async () => {
      const { db } = ctx;
      const prisma = db.prisma;
      const account = await insertTestAccountAsOfInit(prisma);
      const user = (name: string) =>
        prisma.user.create({ data: { email: `${name}-${Math.random()}@example.com`, name } });
      const [ana, ben] = [await user("Ana"), await user("Ben")];
      await user("Sam");
      await user("Sam");
      const vip = await prisma.label.create({ data: { name: "VIP", color: "amber" } });
      const start = async (igsid: string) => {
        // Only the ids back: the database is an older release's, without later columns.
        const contact = await prisma.contact.create({ data: { accountId: account.id, igsid }, select: { id: true } });
        return prisma.conversation.create({
          data: { accountId: account.id, contactId: contact.id, lastMessageAt: new Date() },
          select: { id: true },
        });
      };
      const first = await start("6200000000000001");
      const second = await start("6200000000000002");
      await prisma.conversationLabel.create({ data: { conversationId: first.id, labelId: vip.id } });

      const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);
      const timeline: TTimelineEntry[] = [];
      const write = async (
        conversationId: string,
        time: string,
        row: Omit<Prisma.MessageUncheckedCreateInput, "conversationId" | "sentAt" | "status">,
        entry?: TTimelineEntry,
      ) => {
        // Only the id back: the database is an older release's, without later columns.
        await prisma.message.create({
          data: { conversationId, sentAt: at(time), status: "RECEIVED", ...row },
          select: { id: true },
        });
        if (entry && conversationId === first.id) timeline.push(entry);
      };
      const customer = (time: string) =>
        write(
          first.id,
          time,
          { direction: "INBOUND", kind: "TEXT", content: { text: "hi" } },
          { type: "customer", at: at(time) },
        );
      const agent = (time: string, author: { id: string }) =>
        write(
          first.id,
          time,
          { direction: "OUTBOUND", kind: "TEXT", content: { text: "hello" }, authorId: author.id },
          { type: "agent", at: at(time), agentId: author.id },
        );
      const line = (
        time: string,
        content: Record<string, string | null>,
        actor: { id: string } | null,
        entry?: TTimelineEntry,
      ) =>
        write(first.id, time, { direction: "INTERNAL", kind: "SYSTEM", content, authorId: actor?.id ?? null }, entry);
      const status = (
        time: string,
        s: "OPEN" | "SNOOZED" | "RESOLVED",
        actor: { id: string } | null,
      ): TTimelineEntry => ({
        type: "status",
        at: at(time),
        agentId: actor?.id ?? null,
        status: s,
      });

      await customer("09:00");
      await customer("09:05");
      await write(first.id, "09:06", {
        direction: "INTERNAL",
        kind: "NOTE",
        content: { text: "a note" },
        authorId: ana.id,
      });
      await line("09:07", { event: "assigned", actorName: "Ana", assigneeName: "Ana" }, ana, {
        type: "assigned",
        at: at("09:07"),
        agentId: ana.id,
      });
      await agent("09:20", ana);
      await customer("09:30");
      await agent("10:00", ben);
      await agent("10:01", ben);
      await line("11:00", { event: "resolved", actorName: "Ana" }, ana, status("11:00", "RESOLVED", ana));
      await customer("12:00");
      await line("12:00", { event: "reopened", actorName: null, reason: "customer_wrote" }, null);
      await write(
        first.id,
        "12:01",
        { direction: "OUTBOUND", kind: "TEXT", content: { text: "automatic" } },
        { type: "automatic", at: at("12:01") },
      );
      await agent("12:10", ben);
      await line(
        "12:20",
        { event: "snoozed", actorName: "Ben", until: "2026-03-03T09:00:00Z" },
        ben,
        status("12:20", "SNOOZED", ben),
      );
      await customer("13:00");
      await line("13:00", { event: "reopened", actorName: null, reason: "customer_wrote" }, null);
      await line("13:30", { event: "resolved", actorName: "Ben" }, ben, status("13:30", "RESOLVED", ben));
      await line("14:00", { event: "reopened", actorName: "Ana", reason: "agent" }, ana, status("14:00", "OPEN", ana));
      await agent("14:05", ana);
      // Two users are called Sam: nobody can say which one it was.
      await line("14:06", { event: "assigned", actorName: "Ana", assigneeName: "Sam" }, ana, {
        type: "assigned",
        at: at("14:06"),
        agentId: null,
      });
      await line("14:07", { event: "unassigned", actorName: "Ana", assigneeName: "Sam" }, ana, {
        type: "assigned",
        at: at("14:07"),
        agentId: null,
      });
      await write(second.id, "15:00", { direction: "INBOUND", kind: "TEXT", content: { text: "anyone?" } });

      // The backfill is the first migration applied now (later releases' follow it).
      expect((await applyMigrations(db.adapter, MIGRATIONS_DIR))[0]).toBe(BACKFILL);

      const rows = async (conversationId: string) =>
        (await prisma.reportEvent.findMany({ where: { conversationId }, orderBy: { id: "asc" } })).map((r) => ({
          kind: r.kind,
          at: r.at,
          agentId: r.agentId,
          seconds: r.seconds,
          businessSeconds: r.businessSeconds,
          accountId: r.accountId,
          labelIds: r.labelIds,
        }));
      const expected = replayTimeline(timeline, { timeZone: "UTC", businessHours: null });
      expect(await rows(first.id)).toEqual(
        expected.facts.map((f) => ({ ...f, accountId: account.id, labelIds: [vip.id] })),
      );
      expect(await prisma.conversation.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
        openedAt: at("14:00"),
        firstResponseAt: at("14:00"),
      });
      expect(expected.state).toMatchObject({ openedAt: at("14:00"), firstResponseAt: at("14:00") });

      expect((await rows(second.id)).map((r) => [r.kind, r.at])).toEqual([
        ["OPENED", at("15:00")],
        ["MESSAGE_IN", at("15:00")],
      ]);
      expect(await prisma.conversation.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
        openedAt: at("15:00"),
        firstResponseAt: null,
      });
    });
  },
  { migratedBefore: BACKFILL },
);
