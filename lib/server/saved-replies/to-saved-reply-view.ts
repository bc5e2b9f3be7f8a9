import { ZOutboundContent } from "../../messages/compose-schemas";
import type { TSavedReplyView } from "../../saved-replies/schemas";

export const SAVED_REPLY_SELECT = {
  id: true,
  code: true,
  title: true,
  content: true,
  authorId: true,
  author: { select: { name: true } },
  createdAt: true,
  updatedAt: true,
} as const;

interface TSavedReplyRow {
  id: string;
  code: string;
  title: string;
  content: unknown;
  authorId: string | null;
  author: { name: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The row as the browser sees it, or null if its stored content no longer parses (written
 * before a limit was tightened): such a reply cannot be sent, so it is not offered.
 */
export function toSavedReplyView(row: TSavedReplyRow): TSavedReplyView | null {
  const content = ZOutboundContent.safeParse(row.content);
  if (!content.success) return null;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    content: content.data,
    authorId: row.authorId,
    authorName: row.author?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSavedReplyViewOrThrow(row: TSavedReplyRow): TSavedReplyView {
  const view = toSavedReplyView(row);
  if (!view) throw new Error(`saved reply ${row.id} holds content that does not parse`);
  return view;
}
