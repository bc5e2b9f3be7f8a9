import { expect, it } from "vitest";
import { applyMigrations } from "../../db/migrate";
import { describeEachDatabase } from "../../testing/databases";
import { insertTestAccountAsOfInit } from "../../testing/factories";
import { conversationWith, mediaUrl, savedReplyWithImage, storedUpload } from "../../testing/retention-fixture";

// The release that ties uploads to what uses them records the uses of the messages and saved
// replies stored before it: a database migrated up to the migration before gets them on upgrade,
// so no image a thread still shows is swept as unused.
const UPLOAD_USES = "20261207054400_upload_uses";

describeEachDatabase(
  "the upload uses backfill",
  (ctx) => {
    it("records the uses of messages and saved replies stored before the upgrade", async () => {
      const prisma = ctx.db.prisma;
      const account = (await insertTestAccountAsOfInit(prisma)).id;
      const [sent, saved, unused] = [
        await storedUpload(prisma, new Date("2025-01-01")),
        await storedUpload(prisma, new Date("2025-01-01")),
        await storedUpload(prisma, new Date("2025-01-01")),
      ];
      const thread = await conversationWith(prisma, account, "1", [
        { at: new Date("2025-01-02"), image: sent },
        { at: new Date("2025-01-02"), text: `twice: ${mediaUrl(sent)} ${mediaUrl(sent)}` },
      ]);
      const reply = await savedReplyWithImage(prisma, "menu", saved);
      expect(await prisma.messageUpload.count()).toBe(0);

      await applyMigrations(ctx.db.adapter);

      expect(
        (await prisma.messageUpload.findMany({ orderBy: { messageId: "asc" } })).map((u) => [u.messageId, u.uploadId]),
      ).toEqual(thread.messageIds.map((id) => [id, sent]).sort());
      expect(await prisma.savedReplyUpload.findMany()).toEqual([{ savedReplyId: reply, uploadId: saved }]);
      expect(await prisma.messageUpload.count({ where: { uploadId: unused } })).toBe(0);
    });
  },
  { migratedBefore: UPLOAD_USES },
);
