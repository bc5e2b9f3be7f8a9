import type { TConversationStatus, TConversationSummary } from "../../conversations/summary";
import type { TMessageView } from "../../messages/schemas";
import { toConversationSummary, type TConversationRow } from "../../server/conversations/to-summary";
import { toMessageView, type TMessageRow } from "../../server/messages/to-message-view";

/** One row of the statement's result: a message written, with its conversation as it is now. */
export interface TInboundRow extends Omit<TMessageRow, "author" | "id" | "content"> {
  messageId: string;
  content: unknown;
  accountId: string;
  accountName: string;
  igsid: string;
  name: string | null;
  username: string | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastInboundAt: Date | null;
  handoverUntil: Date | null;
  conversationStatus: TConversationStatus;
  snoozedUntil: Date | null;
  waitingSince: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The bot that answers it first (issue 21), if any. */
  botTokenId?: string | null;
  botName?: string | null;
  conversationUpdatedAt: Date;
  labels: TConversationRow["labels"];
}

export interface TInboundEffects {
  /** Each conversation once, as the statement left it. */
  conversations: TConversationSummary[];
  /** The customers' messages in the order they arrived, then the "Reopened" lines. */
  createdMessages: TMessageView[];
}

/**
 * What the browsers are told about the rows the statement wrote. `arrival` is the messages
 * sent (their ids), in the order they arrived: the thread shows them so when they share a second.
 * Throws when a message sent was not written (the transaction must not commit then).
 */
export function inboundEffects(rows: readonly TInboundRow[], arrival: readonly { id: string }[]): TInboundEffects {
  const inbound = rows.filter((row) => row.direction === "INBOUND");
  const lines = rows.filter((row) => row.direction !== "INBOUND");
  if (inbound.length !== arrival.length) throw new Error(`stored ${inbound.length} of ${arrival.length} messages`);
  const byConversation = new Map<string, TInboundRow>();
  for (const row of rows) byConversation.set(row.conversationId, row);
  const order = new Map<string, number>(arrival.map((m, i) => [m.id, i]));
  inbound.sort((a, b) => (order.get(a.messageId) ?? 0) - (order.get(b.messageId) ?? 0));
  return {
    conversations: [...byConversation.values()].map(toSummary),
    createdMessages: [...inbound, ...lines].map((row) => toMessageView({ ...row, id: row.messageId, author: null })),
  };
}

function toSummary(row: TInboundRow): TConversationSummary {
  return toConversationSummary({
    id: row.conversationId,
    accountId: row.accountId,
    account: { displayName: row.accountName },
    contact: { igsid: row.igsid, name: row.name, username: row.username },
    lastMessageAt: row.lastMessageAt,
    lastMessagePreview: row.lastMessagePreview,
    lastInboundAt: row.lastInboundAt,
    handoverUntil: row.handoverUntil,
    status: row.conversationStatus,
    snoozedUntil: row.snoozedUntil,
    waitingSince: row.waitingSince,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
    botToken: row.botTokenId ? { id: row.botTokenId, name: row.botName ?? "" } : null,
    updatedAt: row.conversationUpdatedAt,
    labels: row.labels,
  });
}
