import type { Prisma, PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TMessagePage } from "../../messages/schemas";
import { decodeSeqCursor, encodeSeqCursor } from "../pagination/keyset-cursor";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";

export type TMessageWindow = { around: string } | { after: string };

/**
 * A page of a conversation's messages away from its newest end, newest first like every page:
 * `around` a message (a search result: about half the page older than it, the rest newer), or
 * `after` a cursor (the next newer page, when the agent scrolls down from there). `nextCursor`
 * continues to older messages, `newerCursor` to newer ones (null: the newest are in this page).
 * The caller has checked that the conversation exists and may be seen.
 */
export async function listMessageWindow(
  prisma: PrismaClient,
  { conversationId, limit, window }: { conversationId: string; limit: number; window: TMessageWindow },
): Promise<TMessagePage> {
  if ("after" in window) {
    const newer = await newerThan(prisma, conversationId, decodeSeqCursor(window.after), limit);
    return page(newer.rows, newer.more ? newer.rows[0] : undefined, newer.rows.at(-1));
  }
  const anchor = await prisma.message.findFirst({
    where: { id: window.around, conversationId },
    select: { seq: true },
  });
  if (!anchor) throw new AppError("NOT_FOUND", "This message is not in this conversation.");
  const olderCount = Math.ceil(limit / 2);
  const [older, newer] = await Promise.all([
    prisma.message.findMany({
      where: { conversationId, seq: { lte: anchor.seq } },
      orderBy: { seq: "desc" },
      take: olderCount + 1,
      include: MESSAGE_VIEW_INCLUDE,
    }),
    newerThan(prisma, conversationId, anchor.seq, limit - olderCount),
  ]);
  const olderPage = older.slice(0, olderCount);
  return page(
    [...newer.rows, ...olderPage],
    newer.more ? newer.rows[0] : undefined,
    older.length > olderCount ? olderPage.at(-1) : undefined,
  );
}

type TRow = Prisma.MessageGetPayload<{ include: typeof MESSAGE_VIEW_INCLUDE }>;

/** Up to `limit` messages stored after `from` (a seq), newest first, and whether more follow. */
async function newerThan(
  prisma: PrismaClient,
  conversationId: string,
  from: bigint,
  limit: number,
): Promise<{ rows: TRow[]; more: boolean }> {
  const rows = await prisma.message.findMany({
    where: { conversationId, seq: { gt: from } },
    orderBy: { seq: "asc" },
    take: limit + 1,
    include: MESSAGE_VIEW_INCLUDE,
  });
  return { rows: rows.slice(0, limit).reverse(), more: rows.length > limit };
}

function page(rows: TRow[], newest: TRow | undefined, oldest: TRow | undefined): TMessagePage {
  return {
    messages: rows.map(toMessageView),
    nextCursor: oldest ? encodeSeqCursor(oldest.seq) : null,
    newerCursor: newest ? encodeSeqCursor(newest.seq) : null,
  };
}
