import type { PrismaClient } from "../../db/generated/client";
import { uploadGraceCutoff } from "./find-upload";
import { unusedUpload } from "./upload-uses";

/** Uploads deleted per statement: a sweep never holds many rows (nor their bytes' pages) at once. */
const BATCH = 200;

/**
 * Deletes uploads no message and no saved reply uses that were uploaded `graceDays` ago or
 * earlier (an image attached to a draft that was never sent, or whose last message is gone).
 * An upload in use is never deleted, however old. Every instance runs it: rows are taken with
 * SKIP LOCKED, so two sweeps delete each row once between them, and a row a new message is
 * linking to at that moment (its foreign key check holds a lock on it) is left for the next sweep.
 */
export async function deleteUnusedUploads(
  prisma: PrismaClient,
  options: { now: Date; graceDays: number },
): Promise<number> {
  const cutoff = uploadGraceCutoff(options.now, options.graceDays);
  let total = 0;
  for (;;) {
    const count = await prisma.$executeRaw`
      DELETE FROM "Upload" WHERE "id" IN (
        SELECT u."id" FROM "Upload" u
        WHERE u."createdAt" <= ${cutoff} AND ${unusedUpload("u")}
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`;
    total += count;
    if (count < BATCH) return total;
  }
}
