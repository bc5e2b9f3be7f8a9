import type { TConversationSummary } from "../conversations/summary";
import type { TMessageView } from "../messages/schemas";

// Views as the browser's cache holds them, for the tests of lib/queries: one builder each.

/** A customer's text message stored `second` seconds after 10:00 on 2026-01-01, in that order (seq). */
export function messageView(id: string, second: number, overrides: Partial<TMessageView> = {}): TMessageView {
  const at = new Date(Date.UTC(2026, 0, 1, 10, 0, second)).toISOString();
  return {
    id,
    conversationId: "c",
    direction: "INBOUND",
    kind: "TEXT",
    content: { text: id },
    deleted: false,
    status: "RECEIVED",
    statusReason: null,
    retryable: false,
    attempts: 0,
    nextAttemptAt: null,
    maybeDuplicate: false,
    authorName: null,
    sentAt: at,
    // Stored in the order of the seconds given, unless a test says otherwise.
    seq: second,
    updatedAt: at,
    clientId: null,
    ...overrides,
  };
}

/** An open, unassigned conversation whose last message came `minute` minutes after 10:00 on 2026-01-01. */
export function conversationSummary(
  id: string,
  minute: number,
  overrides: Partial<TConversationSummary> = {},
): TConversationSummary {
  const at = new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
  return {
    id,
    accountId: "acc",
    accountName: "Shop",
    contact: { igsid: id, name: id, username: null },
    lastMessageAt: at,
    lastMessagePreview: `msg ${id}`,
    lastInboundAt: at,
    handoverUntil: null,
    status: "OPEN",
    snoozedUntil: null,
    waitingSince: null,
    assignee: null,
    labels: [],
    unreadCount: null,
    updatedAt: at,
    ...overrides,
  };
}
