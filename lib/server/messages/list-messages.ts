import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TMessageKind, TMessagePage } from "../../messages/schemas";
import { decodeSeqCursor, encodeSeqCursor } from "../pagination/keyset-cursor";
import { listMessageWindow, type TMessageWindow } from "./list-message-window";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";

/**
 * A conversation's messages, newest first, in keyset pages (the view shows them oldest at the
 * top, and loads older ones when scrolled up). Ordered by seq, when this inbox stored each one
 * (not sentAt: a customer's message carries CM's whole-second time, see Message.seq).
 * With `window`, the page around a message or newer than a cursor (opening a search result).
 * Without a window, `kind` keeps only messages of that kind (the public API's list of notes).
 */
export async function listMessages(
  prisma: PrismaClient,
  {
    conversationId,
    limit,
    cursor,
    window,
    kind,
  }: {
    conversationId: string;
    limit: number;
    cursor?: string | undefined;
    window?: TMessageWindow | undefined;
    kind?: TMessageKind | undefined;
  },
): Promise<TMessagePage> {
  if (!(await prisma.conversation.findUnique({ where: { id: conversationId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  }
  if (window) return listMessageWindow(prisma, { conversationId, limit, window });
  const before = cursor ? decodeSeqCursor(cursor) : undefined;
  const rows = await prisma.message.findMany({
    where: { conversationId, ...(kind ? { kind } : {}), ...(before !== undefined ? { seq: { lt: before } } : {}) },
    orderBy: { seq: "desc" },
    take: limit + 1,
    include: MESSAGE_VIEW_INCLUDE,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    messages: page.map(toMessageView),
    nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null,
  };
}
