import { beforeEach, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ZReportQuery } from "@/lib/reports/schemas";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { conversationWith, savedReplyWithImage, storedUpload } from "@/lib/testing/retention-fixture";
import { countViews } from "../conversations/count-views";
import { getReportOverview } from "../reports/get-report-overview";
import { resolveReportScope } from "../reports/resolve-report-scope";
import { searchConversations } from "../search/search-conversations";
import { getRetention } from "./get-retention";
import { previewRetention } from "./preview-retention";
import { runRetentionRound } from "./run-retention-round";
import { setRetention } from "./set-retention";

// Retention (issue 20): what a run deletes, and what it leaves; a run cut off by a crash or a
// stop; the preview against the run.

const NOW = new Date("2026-12-07T12:00:00Z");
const LATER = new Date("2026-12-07T12:05:00Z");
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const ADMIN = { id: "admin", role: "admin" };

describeEachDatabase("retention", (ctx) => {
  const prisma = (): PrismaClient => ctx.db.prisma;
  let shop: string;
  let other: string;
  let old: Awaited<ReturnType<typeof conversationWith>>;
  let older: Awaited<ReturnType<typeof conversationWith>>;
  let recent: Awaited<ReturnType<typeof conversationWith>>;
  let otherOld: Awaited<ReturnType<typeof conversationWith>>;
  let onlyOld: string;
  let savedToo: string;
  let recentToo: string;

  beforeEach(async () => {
    await prisma().instagramAccount.deleteMany();
    await prisma().savedReply.deleteMany();
    await prisma().upload.deleteMany();
    shop = (await createTestAccount(prisma(), { displayName: "Old shop" })).id;
    other = (await createTestAccount(prisma(), { displayName: "Other shop" })).id;
    const uploaded = day("2025-11-20");
    onlyOld = await storedUpload(prisma(), uploaded);
    savedToo = await storedUpload(prisma(), uploaded);
    recentToo = await storedUpload(prisma(), uploaded);
    // Six months before NOW is 7 June 2026: these two are older, with every kind of line.
    old = await conversationWith(prisma(), shop, "1001", [
      { at: day("2025-12-01"), text: "chocolate cake please" },
      { at: day("2025-12-01"), image: onlyOld },
      { at: day("2025-12-02"), image: savedToo },
      { at: day("2025-12-02"), image: recentToo },
      { at: day("2025-12-03"), kind: "NOTE", text: "regular customer" },
      { at: day("2025-12-03"), kind: "SYSTEM", text: "Resolved by Kim" },
    ]);
    older = await conversationWith(prisma(), shop, "1002", [{ at: day("2025-06-01"), text: "chocolate muffins" }]);
    // An old start but a recent last message: kept whole.
    recent = await conversationWith(prisma(), shop, "1003", [
      { at: day("2025-01-01"), text: "chocolate from long ago" },
      { at: day("2026-11-30"), image: recentToo },
    ]);
    // Another account's old conversation: its retention is off.
    otherOld = await conversationWith(prisma(), other, "1001", [
      { at: day("2025-01-01"), text: "chocolate elsewhere" },
    ]);
    await savedReplyWithImage(prisma(), "menu", savedToo);
    for (const c of [old, older, recent, otherOld]) {
      await prisma().reportEvent.create({
        data: {
          kind: "MESSAGE_IN",
          at: day("2025-12-01"),
          accountId: c === otherOld ? other : shop,
          conversationId: c.id,
        },
      });
    }
    await setRetention(prisma(), { accountId: shop, settings: { enabled: true, months: 6 }, now: NOW });
  });

  const round = (options: Partial<Parameters<typeof runRetentionRound>[1]> = {}) =>
    runRetentionRound(prisma(), { clock: () => NOW, ...options });
  const conversationIds = async () =>
    (await prisma().conversation.findMany({ select: { id: true } })).map((c) => c.id).sort();
  const uploadIds = async () => (await prisma().upload.findMany({ select: { id: true } })).map((u) => u.id).sort();
  const messagesOf = (conversationId: string) => prisma().message.count({ where: { conversationId } });
  const messagesIn = async (accountId: string) => {
    const query = ZReportQuery.parse({ range: "custom", from: "2025-11-01", to: "2025-12-31", accountId });
    const scoped = await resolveReportScope(prisma(), { user: ADMIN, query, now: NOW });
    return (await getReportOverview(prisma(), scoped)).figures.messagesIn.value;
  };

  it("deletes exactly that account's conversations older than N months, with all that is only theirs", async () => {
    const searched = async () =>
      (await searchConversations(prisma(), { query: "chocolate", accountIds: null, limit: 20 })).messages.map(
        (hit) => hit.conversation.id,
      );
    expect(new Set(await searched())).toEqual(new Set([old.id, older.id, recent.id, otherOld.id]));
    expect(await messagesIn(shop)).toBe(3);
    const counts = () => countViews(prisma(), { userId: "nobody", accountIds: null, now: NOW });
    expect((await counts()).all).toBe(4);

    expect(await round()).toEqual({ busy: false, conversations: 2 });

    expect(await conversationIds()).toEqual([recent.id, otherOld.id].sort());
    // Messages, notes and system lines; their contacts; the report facts.
    expect(await prisma().message.count({ where: { id: { in: [...old.messageIds, ...older.messageIds] } } })).toBe(0);
    expect(await prisma().contact.count({ where: { id: { in: [old.contactId, older.contactId] } } })).toBe(0);
    expect(await prisma().reportEvent.count({ where: { conversationId: { in: [old.id, older.id] } } })).toBe(0);
    expect(await messagesOf(recent.id)).toBe(2);
    expect(await messagesOf(otherOld.id)).toBe(1);
    // The upload only they used is gone; one a saved reply or a kept message uses stays.
    expect(await uploadIds()).toEqual([savedToo, recentToo].sort());
    // Search, counts and reports no longer find them.
    expect(new Set(await searched())).toEqual(new Set([recent.id, otherOld.id]));
    expect((await counts()).all).toBe(2);
    expect(await messagesIn(shop)).toBe(1);
    expect(await messagesIn(other)).toBe(1);

    const { lastRun } = await getRetention(prisma(), shop);
    expect(lastRun).toMatchObject({
      months: 6,
      cutoff: "2026-06-07T12:00:00.000Z",
      finishedAt: NOW.toISOString(),
      durationMs: 0,
      conversations: 2,
      messages: 7,
      uploads: 1,
    });
  });

  it("previews exactly what a run then deletes", async () => {
    const preview = await previewRetention(prisma(), { accountId: shop, months: 6, now: NOW });
    expect(preview).toEqual({
      months: 6,
      cutoff: "2026-06-07T12:00:00.000Z",
      conversations: 2,
      messages: 7,
      uploads: 1,
      capped: false,
    });
    // Past the cap, the figures are those of the oldest conversations, and say so.
    expect(await previewRetention(prisma(), { accountId: shop, months: 6, now: NOW, maxConversations: 1 })).toEqual(
      expect.objectContaining({ conversations: 1, messages: 1, uploads: 0, capped: true }),
    );
    // Nothing was deleted by looking.
    expect(await conversationIds()).toHaveLength(4);
    await round();
    const { lastRun } = await getRetention(prisma(), shop);
    expect(lastRun).toMatchObject({
      conversations: preview.conversations,
      messages: preview.messages,
      uploads: preview.uploads,
    });
    // A longer retention keeps more: 18 months back is June 2025, after `older`'s only message.
    expect(await previewRetention(prisma(), { accountId: other, months: 18, now: NOW })).toMatchObject({
      conversations: 1,
      messages: 1,
      uploads: 0,
    });
  });

  it("leaves no half-deleted conversation when a batch fails, and the next round finishes the run", async () => {
    const preview = await previewRetention(prisma(), { accountId: shop, months: 6, now: NOW });
    let batches = 0;
    const crashOnSecond = async () => {
      if (++batches === 2) throw new Error("crash in the middle of the batch");
    };
    await expect(round({ batchSize: 1, afterDelete: crashOnSecond })).rejects.toThrow(/crash/);
    // The first batch (the oldest conversation) committed; the second rolled back whole.
    expect(await conversationIds()).toEqual([old.id, recent.id, otherOld.id].sort());
    expect(await messagesOf(old.id)).toBe(6);
    expect(await prisma().contact.count({ where: { id: old.contactId } })).toBe(1);
    expect(await uploadIds()).toEqual([onlyOld, savedToo, recentToo].sort());
    expect(await prisma().reportEvent.count({ where: { conversationId: old.id } })).toBe(1);
    expect((await getRetention(prisma(), shop)).lastRun).toMatchObject({
      finishedAt: null,
      conversations: 1,
      messages: 1,
      uploads: 0,
    });

    // Resumed later with the run's own cutoff, and finished with figures equal to the preview's.
    expect(await round({ clock: () => LATER })).toEqual({ busy: false, conversations: 1 });
    expect(await conversationIds()).toEqual([recent.id, otherOld.id].sort());
    expect(await uploadIds()).toEqual([savedToo, recentToo].sort());
    expect((await getRetention(prisma(), shop)).lastRun).toMatchObject({
      cutoff: preview.cutoff,
      finishedAt: LATER.toISOString(),
      durationMs: 5 * 60_000,
      conversations: preview.conversations,
      messages: preview.messages,
      uploads: preview.uploads,
    });
  });

  it("resumes a run stopped between batches, and starts the next only a day after one finished", async () => {
    expect(await round({ batchSize: 1, maxBatches: 1 })).toEqual({ busy: true, conversations: 1 });
    expect((await getRetention(prisma(), shop)).lastRun).toMatchObject({ finishedAt: null, conversations: 1 });
    expect(await round({ batchSize: 1, clock: () => LATER })).toEqual({ busy: false, conversations: 1 });
    expect((await getRetention(prisma(), shop)).lastRun).toMatchObject({ conversations: 2, messages: 7, uploads: 1 });

    // A conversation that has aged since: not before the next run, a day later.
    await prisma().conversation.update({ where: { id: recent.id }, data: { lastMessageAt: day("2026-01-01") } });
    expect(await round({ clock: () => LATER })).toEqual({ busy: false, conversations: 0 });
    expect(await conversationIds()).toContain(recent.id);
    const tomorrow = new Date(LATER.getTime() + 24 * 60 * 60_000);
    expect(await round({ clock: () => tomorrow })).toEqual({ busy: false, conversations: 1 });
    expect((await getRetention(prisma(), shop)).lastRun).toMatchObject({ conversations: 1, messages: 2, uploads: 1 });
    // Its last image's last use went with it: only the saved reply's is left.
    expect(await uploadIds()).toEqual([savedToo]);
  });

  it("does nothing while off, and a change of months starts a new run instead of resuming the old one", async () => {
    await setRetention(prisma(), { accountId: shop, settings: { enabled: false, months: 6 }, now: NOW });
    expect(await round()).toEqual({ busy: false, conversations: 0 });
    expect(await conversationIds()).toHaveLength(4);

    await setRetention(prisma(), { accountId: shop, settings: { enabled: true, months: 6 }, now: NOW });
    expect(await round({ batchSize: 1, maxBatches: 1 })).toEqual({ busy: true, conversations: 1 });
    // 18 months keeps `old` (December 2025): the unfinished 6-month run must not go on.
    await setRetention(prisma(), { accountId: shop, settings: { enabled: true, months: 18 }, now: LATER });
    expect(await round({ clock: () => LATER })).toEqual({ busy: false, conversations: 0 });
    expect(await conversationIds()).toContain(old.id);
    expect((await getRetention(prisma(), shop)).lastRun).toMatchObject({ months: 18, conversations: 0 });
  });
});
