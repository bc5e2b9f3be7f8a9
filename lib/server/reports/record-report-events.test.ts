import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS } from "../../business-hours/schemas";
import { noEffects } from "../../effects/inbox-effects";
import type { TReportFact } from "../../reports/measures";
import { replayTimeline, type TTimelineEntry } from "../../reports/replay-timeline";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { startWebhookServer } from "../../testing/webhook-server";
import { assignConversation } from "../conversations/assign-conversation";
import { setConversationStatus } from "../conversations/set-conversation-status";
import { deleteLabel } from "../labels/delete-label";
import { setConversationLabel } from "../labels/set-conversation-label";
import { recordMessage } from "../messages/record-message";
import { sendMessage } from "../messages/send-message";
import { addNote } from "../notes/add-note";

// Every change records its report facts in its own transaction, as lib/reports/measures.ts
// defines them: the rows written along a conversation's life are exactly the replay of its
// timeline. The account works 9 to 5 on weekdays in Amsterdam (CET in early March, UTC+1).
for (const fastLane of [false, true]) {
  describeEachDatabase(
    `report facts recorded as things happen${fastLane ? " (the intake's fast lane)" : ""}`,
    (ctx) => {
      let server: Awaited<ReturnType<typeof startWebhookServer>>;
      let account: Awaited<ReturnType<typeof createTestAccount>>;
      let ana: { id: string; role: string; name: string };
      beforeAll(async () => {
        server = await startWebhookServer(ctx.db, { fastLane });
        account = await createTestAccount(ctx.db.prisma);
        await ctx.db.prisma.instagramAccount.update({
          where: { id: account.id },
          data: { timeZone: "Europe/Amsterdam", businessHours: DEFAULT_BUSINESS_HOURS },
        });
        ana = await ctx.db.prisma.user.create({
          data: { email: `ana-${fastLane}@example.com`, name: "Ana", role: "admin" },
          select: { id: true, role: true, name: true },
        });
      });
      afterAll(() => server.close());

      const write = async (time: string, text: string) => {
        const answer = await server.post(account.webhookSecret, "messages", {
          from: { number: "6200000000000009", name: "Lou" },
          to: { number: account.igAccountId },
          message: { text },
          timeUtc: time,
          channel: "Instagram",
        });
        expect(answer.status).toBe(200);
        await server.drain();
      };
      const reply = (conversationId: string, time: string) =>
        sendMessage(ctx.db.prisma, {
          conversationId,
          authorId: ana.id,
          content: { kind: "text", text: "On it" },
          now: new Date(`${time}Z`),
        });
      const facts = async (conversationId: string) =>
        (
          await ctx.db.prisma.reportEvent.findMany({
            where: { conversationId },
            orderBy: { id: "asc" },
          })
        ).map((r) => ({
          kind: r.kind,
          at: r.at,
          agentId: r.agentId,
          seconds: r.seconds,
          businessSeconds: r.businessSeconds,
          accountId: r.accountId,
          labelIds: r.labelIds,
        }));

      it("records a conversation's whole life, the same facts as the replay of its timeline", async () => {
        await write("2026-03-02T08:00:00", "hi");
        await write("2026-03-02T08:05:00", "anyone?");
        const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ where: { accountId: account.id } });
        expect(conversation.openedAt).toEqual(new Date("2026-03-02T08:00:00Z"));
        await addNote(ctx.db.prisma, { conversationId: conversation.id, author: ana, text: "a note", now: new Date() });
        await reply(conversation.id, "2026-03-02T08:20:00");
        await assignConversation(ctx.db.prisma, {
          conversationId: conversation.id,
          actor: ana,
          assigneeId: ana.id,
          now: new Date("2026-03-02T08:21:00Z"),
        });
        const resolve = (time: string) =>
          setConversationStatus(ctx.db.prisma, {
            conversationId: conversation.id,
            actor: ana,
            change: { status: "RESOLVED" },
            now: new Date(`${time}Z`),
          });
        await resolve("2026-03-02T09:00:00");
        // After hours (19:00 in Amsterdam): it reopens, and the next morning's reply is its first response.
        await write("2026-03-02T18:00:00", "one more thing");
        const reopened = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
        expect(reopened).toMatchObject({ openedAt: new Date("2026-03-02T18:00:00Z"), firstResponseAt: null });
        await reply(conversation.id, "2026-03-03T08:30:00");
        await resolve("2026-03-03T09:00:00");
        await setConversationStatus(ctx.db.prisma, {
          conversationId: conversation.id,
          actor: ana,
          change: { status: "OPEN" },
          now: new Date("2026-03-03T09:10:00Z"),
        });

        const timeline: TTimelineEntry[] = [
          { type: "customer", at: new Date("2026-03-02T08:00:00Z") },
          { type: "customer", at: new Date("2026-03-02T08:05:00Z") },
          { type: "agent", at: new Date("2026-03-02T08:20:00Z"), agentId: ana.id },
          { type: "assigned", at: new Date("2026-03-02T08:21:00Z"), agentId: ana.id },
          { type: "status", at: new Date("2026-03-02T09:00:00Z"), agentId: ana.id, status: "RESOLVED" },
          { type: "customer", at: new Date("2026-03-02T18:00:00Z") },
          { type: "agent", at: new Date("2026-03-03T08:30:00Z"), agentId: ana.id },
          { type: "status", at: new Date("2026-03-03T09:00:00Z"), agentId: ana.id, status: "RESOLVED" },
          { type: "status", at: new Date("2026-03-03T09:10:00Z"), agentId: ana.id, status: "OPEN" },
        ];
        const expected = replayTimeline(timeline, {
          timeZone: "Europe/Amsterdam",
          businessHours: DEFAULT_BUSINESS_HOURS,
        });
        const recorded = await facts(conversation.id);
        expect(recorded).toEqual(
          expected.facts.map((f: TReportFact) => ({ ...f, accountId: account.id, labelIds: [] })),
        );
        // The second opening's first response: 14.5 hours around the clock, 30 minutes of business hours.
        expect(recorded.filter((f) => f.kind === "FIRST_RESPONSE").map((f) => [f.seconds, f.businessSeconds])).toEqual([
          [1200, 1200],
          [52200, 1800],
        ]);
        const after = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
        expect(after).toMatchObject({
          openedAt: expected.state.openedAt,
          firstResponseAt: expected.state.firstResponseAt,
        });
        // Reopened by Ana: counted for her, an opening with no first response to wait for.
        expect(recorded.at(-1)).toMatchObject({ kind: "REOPENED", agentId: ana.id });
        expect(after.openedAt).toEqual(new Date("2026-03-03T09:10:00Z"));
      });

      it("keeps every fact's labels in step with the conversation's", async () => {
        const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ where: { accountId: account.id } });
        const vip = await ctx.db.prisma.label.create({ data: { name: `VIP ${fastLane}`, color: "amber" } });
        await setConversationLabel(ctx.db.prisma, {
          conversationId: conversation.id,
          labelId: vip.id,
          on: true,
          actor: ana,
        });
        expect(new Set((await facts(conversation.id)).map((f) => f.labelIds.join()))).toEqual(new Set([vip.id]));
        // New facts carry the labels the conversation has now.
        await write("2026-03-03T10:00:00", "thanks");
        expect((await facts(conversation.id)).at(-1)).toMatchObject({ kind: "MESSAGE_IN", labelIds: [vip.id] });
        await setConversationLabel(ctx.db.prisma, {
          conversationId: conversation.id,
          labelId: vip.id,
          on: false,
          actor: ana,
        });
        expect(new Set((await facts(conversation.id)).map((f) => f.labelIds.join()))).toEqual(new Set([""]));
        // A deleted label leaves every fact that carried it.
        const gone = await ctx.db.prisma.label.create({ data: { name: `Gone ${fastLane}`, color: "red" } });
        await setConversationLabel(ctx.db.prisma, {
          conversationId: conversation.id,
          labelId: gone.id,
          on: true,
          actor: ana,
        });
        expect(await ctx.db.prisma.reportEvent.count({ where: { labelIds: { has: gone.id } } })).toBeGreaterThan(0);
        await deleteLabel(ctx.db.prisma, { id: gone.id });
        expect(await ctx.db.prisma.reportEvent.count({ where: { labelIds: { has: gone.id } } })).toBe(0);
      });

      it("counts an automatic message out, for nobody, and the customer still waits", async () => {
        const conversation = await ctx.db.prisma.conversation.findFirstOrThrow({ where: { accountId: account.id } });
        const waiting = (await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }))
          .waitingSince;
        expect(waiting).not.toBeNull();
        await ctx.db.prisma.$transaction((tx) =>
          recordMessage(
            tx,
            {
              conversationId: conversation.id,
              direction: "OUTBOUND",
              kind: "TEXT",
              content: { text: "How did we do?" },
              status: "QUEUED",
              sentAt: new Date("2026-03-03T10:01:00Z"),
            },
            { effects: noEffects(), opensWindow: false },
          ),
        );
        expect((await facts(conversation.id)).at(-1)).toMatchObject({
          kind: "MESSAGE_OUT",
          agentId: null,
          seconds: null,
        });
        const after = await ctx.db.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
        expect(after.waitingSince).toEqual(waiting);
      });
    },
    { postgresOnly: fastLane },
  );
}
