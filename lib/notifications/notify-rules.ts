import { previewOf } from "../messages/schemas";
import type { TMentionNotice } from "../notes/schemas";
import type { TInboxChange } from "../realtime/events";
import type { TSlaWarningNotice } from "../sla/schemas";

// What deserves a notification while the inbox's tab is hidden, as pure functions of the live
// events (the browser decides; the server sends every agent of an account the same events).

/** One browser notification: `tag` is the message's id, so a repeated event replaces it. */
export interface TNotice {
  tag: string;
  conversationId: string;
  title: string;
  body: string;
}

/**
 * The customers' new messages in a change that concern this agent: in a conversation assigned
 * to them or to nobody (the change carries each message's conversation, as the intake left
 * it). Deleted ones, and conversations someone else holds, are left to them.
 */
export function noticesForChange(change: TInboxChange, myId: string): TNotice[] {
  const conversations = new Map((change.conversations ?? []).map((c) => [c.id, c]));
  const notices: TNotice[] = [];
  for (const message of change.created ?? []) {
    if (message.direction !== "INBOUND" || message.deleted) continue;
    const conversation = conversations.get(message.conversationId);
    if (!conversation) continue;
    if (conversation.assignee !== null && conversation.assignee.id !== myId) continue;
    const { contact } = conversation;
    notices.push({
      tag: message.id,
      conversationId: message.conversationId,
      title: contact.name || (contact.username ? `@${contact.username}` : "A customer"),
      body: previewOf(message.kind, message.content) || "New message",
    });
  }
  return notices;
}

/** An @mention of this agent in a private note. */
export function noticeForMention(mention: TMentionNotice): TNotice {
  return {
    tag: mention.messageId,
    conversationId: mention.conversationId,
    title: `${mention.authorName} mentioned you`,
    body: `Note on ${mention.contactName}: ${mention.excerpt}`,
  };
}

/** An SLA due time 10 minutes away, on a conversation this agent answers for. */
export function noticeForSlaWarning(warning: TSlaWarningNotice): TNotice {
  return {
    tag: `sla:${warning.conversationId}:${warning.dueAt}`,
    conversationId: warning.conversationId,
    title: `SLA: ${warning.contactName}`,
    body: warning.text,
  };
}

const COUNT_PREFIX = /^\(\d+\) /;

/** The tab's title with the count of new messages in front, "(3) Inbox"; none at zero. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(COUNT_PREFIX, "");
  return count > 0 ? `(${count}) ${bare}` : bare;
}
