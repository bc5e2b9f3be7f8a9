import { Prisma } from "../../db/generated/client";

// An upload is in use while a message or a saved reply links to it: the rows of MessageUpload
// and SavedReplyUpload, kept from their content by triggers (prisma/migrations/*_upload_uses).
// Their foreign keys refuse to delete an upload in use, whatever asks.

/** SQL true when the upload `alias` is used by nothing (no message, no saved reply). */
export function unusedUpload(alias: string): Prisma.Sql {
  const id = Prisma.raw(`${alias}."id"`);
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "MessageUpload" mu WHERE mu."uploadId" = ${id})
    AND NOT EXISTS (SELECT 1 FROM "SavedReplyUpload" su WHERE su."uploadId" = ${id})`;
}

/** The same test as text, for statements written with $n parameters (lib/db/client's TSql). */
export const UNUSED_UPLOAD_SQL = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM "MessageUpload" mu WHERE mu."uploadId" = ${alias}."id")
    AND NOT EXISTS (SELECT 1 FROM "SavedReplyUpload" su WHERE su."uploadId" = ${alias}."id")`;
