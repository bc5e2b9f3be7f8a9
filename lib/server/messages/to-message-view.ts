import type { TMessageView } from "../../messages/schemas";

export const MESSAGE_VIEW_INCLUDE = {
  author: { select: { name: true } },
  apiToken: { select: { name: true } },
} as const;

/** How a message sent through the public API is signed in the thread (no person wrote it): this and the token's name. */
export const VIA_API = "via API: ";

export interface TMessageRow {
  id: string;
  conversationId: string;
  direction: TMessageView["direction"];
  kind: TMessageView["kind"];
  content: unknown;
  deletedAt: Date | null;
  status: TMessageView["status"];
  statusReason: string | null;
  retryable: boolean;
  attempts: number;
  nextAttemptAt: Date | null;
  maybeDuplicate: boolean;
  /** The Instagram message tag it was sent with; absent where a query did not read it. */
  tag?: string | null;
  clientId: string | null;
  sentAt: Date;
  /** A bigint column: Prisma gives a bigint, raw drivers may give a string. */
  seq: bigint | string | number;
  updatedAt: Date;
  author: { name: string } | null;
  authorId?: string | null;
  /** The API token it was sent with, if any; absent where a query did not read it. */
  apiToken?: { name: string } | null;
}

export function toMessageView(row: TMessageRow): TMessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    kind: row.kind,
    // A message the customer deleted is not shown to agents any more (spec: business rules).
    content: row.deletedAt ? null : (row.content as Record<string, unknown>),
    deleted: row.deletedAt !== null,
    status: row.status,
    statusReason: row.statusReason,
    retryable: row.retryable,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    maybeDuplicate: row.maybeDuplicate,
    tag: row.tag ?? null,
    authorName: row.author?.name ?? (row.apiToken ? `${VIA_API}${row.apiToken.name}` : null),
    authorId: row.authorId ?? null,
    sentAt: row.sentAt.toISOString(),
    seq: Number(row.seq),
    updatedAt: row.updatedAt.toISOString(),
    clientId: row.clientId,
  };
}
