import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestAccount } from "@/lib/testing/factories";
import { conversationWith, mediaUrl, savedReplyWithImage, storedUpload } from "@/lib/testing/retention-fixture";
import { deleteUnusedUploads } from "./delete-unused-uploads";
import { findUpload } from "./find-upload";

// An upload lives while a message or a saved reply links to it, however old; one nothing uses
// is deleted UPLOAD_RETENTION_DAYS (the grace period) after it was uploaded (issue 20).

const NOW = new Date("2026-12-07T12:00:00Z");
const GRACE_DAYS = 30;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describeEachDatabase("upload lifetime", (ctx) => {
  const prisma = () => ctx.db.prisma;
  let account: string;

  beforeEach(async () => {
    await prisma().instagramAccount.deleteMany();
    await prisma().savedReply.deleteMany();
    await prisma().upload.deleteMany();
    account = (await createTestAccount(prisma())).id;
  });

  const sweep = () => deleteUnusedUploads(prisma(), { now: NOW, graceDays: GRACE_DAYS });
  const kept = async () => (await prisma().upload.findMany({ select: { id: true } })).map((u) => u.id).sort();
  const served = async (id: string) =>
    (await findUpload(ctx.db.sql, `${id}.png`, { now: NOW, graceDays: GRACE_DAYS })) !== null;

  it("keeps and serves what a message or a saved reply uses past the grace period, and deletes the unused after it", async () => {
    const sent = await storedUpload(prisma(), daysAgo(400));
    const saved = await storedUpload(prisma(), daysAgo(400));
    const draftOld = await storedUpload(prisma(), daysAgo(31));
    const draftFresh = await storedUpload(prisma(), daysAgo(29));
    await conversationWith(prisma(), account, "1", [{ at: daysAgo(399), image: sent }]);
    await savedReplyWithImage(prisma(), "menu", saved);

    expect(await prisma().messageUpload.count({ where: { uploadId: sent } })).toBe(1);
    expect(await prisma().savedReplyUpload.count({ where: { uploadId: saved } })).toBe(1);
    expect(await served(draftOld)).toBe(false);
    expect(await served(sent)).toBe(true);
    expect(await sweep()).toBe(1);
    expect(await kept()).toEqual([sent, saved, draftFresh].sort());
    expect(await served(sent)).toBe(true);
    expect(await served(saved)).toBe(true);
    expect(await served(draftFresh)).toBe(true);
    expect(await sweep()).toBe(0);
    // The database itself refuses to delete an upload in use.
    await expect(prisma().upload.delete({ where: { id: sent } })).rejects.toThrow();
  });

  it("lets an upload go once its last use is gone: a conversation deleted, a saved reply changed or deleted", async () => {
    const shared = await storedUpload(prisma(), daysAgo(90));
    const first = await conversationWith(prisma(), account, "1", [{ at: daysAgo(80), image: shared }]);
    const second = await conversationWith(prisma(), account, "2", [
      { at: daysAgo(70), image: shared },
      { at: daysAgo(70), text: `see ${mediaUrl(shared)}` },
    ]);
    const reply = await savedReplyWithImage(prisma(), "menu", shared);

    await prisma().conversation.delete({ where: { id: first.id } });
    expect(await sweep()).toBe(0);
    // The account removed, with its conversations: only the saved reply uses it now.
    await prisma().instagramAccount.delete({ where: { id: account } });
    expect(await prisma().conversation.count({ where: { id: second.id } })).toBe(0);
    expect(await sweep()).toBe(0);
    await prisma().savedReply.update({ where: { id: reply }, data: { content: { kind: "text", text: "no image" } } });
    expect(await prisma().savedReplyUpload.count()).toBe(0);
    expect(await served(shared)).toBe(false);
    expect(await sweep()).toBe(1);
    expect(await kept()).toEqual([]);

    // A saved reply deleted is a use gone too; a message whose content changes keeps its uses true.
    const again = await storedUpload(prisma(), daysAgo(90));
    const other = (await createTestAccount(prisma())).id;
    const thread = await conversationWith(prisma(), other, "3", [{ at: daysAgo(10), image: again }]);
    const [messageId] = thread.messageIds;
    await prisma().message.update({ where: { id: messageId ?? "" }, data: { content: { text: "edited" } } });
    const menu = await savedReplyWithImage(prisma(), "again", again);
    expect(await sweep()).toBe(0);
    await prisma().savedReply.delete({ where: { id: menu } });
    expect(await sweep()).toBe(1);
  });

  it("ignores links to uploads that do not exist or to other sites", async () => {
    const real = await storedUpload(prisma(), daysAgo(1));
    await conversationWith(prisma(), account, "1", [
      { at: daysAgo(1), text: `https://elsewhere.example/media/${"A".repeat(43)}.png and ${mediaUrl(real)}` },
    ]);
    expect(await prisma().messageUpload.findMany({ select: { uploadId: true } })).toEqual([{ uploadId: real }]);
  });
});
