import { Prisma } from "../../db/generated/client";
import type { TMessageView } from "../../messages/schemas";
import { VIA_API, toMessageView, type TMessageRow } from "./to-message-view";

// The outbox writes with plain UPDATE … RETURNING (one round trip, no read-back). These are the
// columns a message view needs, with the author's name, and their conversion to the view.

export function messageViewColumns(alias: string): Prisma.Sql {
  const t = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${t}."id", ${t}."conversationId", ${t}."direction"::text AS "direction", ${t}."kind"::text AS "kind",
    ${t}."content", ${t}."deletedAt", ${t}."status"::text AS "status", ${t}."statusReason", ${t}."retryable",
    ${t}."attempts", ${t}."nextAttemptAt", ${t}."maybeDuplicate", ${t}."clientId", ${t}."sentAt", ${t}."seq", ${t}."updatedAt", ${t}."tag", ${t}."authorId",
    COALESCE((SELECT u."name" FROM "User" u WHERE u."id" = ${t}."authorId"),
      (SELECT ${VIA_API}::text || k."name" FROM "ApiToken" k WHERE k."id" = ${t}."apiTokenId")) AS "authorName"`;
}

export type TRawMessageRow = Omit<TMessageRow, "author"> & { authorName: string | null };

export function rawToMessageView(row: TRawMessageRow): TMessageView {
  const { authorName, ...rest } = row;
  return toMessageView({ ...rest, author: authorName === null ? null : { name: authorName } });
}
