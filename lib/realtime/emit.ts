import type { TMessageView } from "../messages/schemas";
import type { TConversationSummary } from "../queries/conversation-types";
import { getRuntime } from "../runtime";
import type { TEffects } from "../server/webhooks/effects";
import { EVENTS, ROOMS } from "./events";

// Emits go through the socket.io server of this process; its adapter (PostgreSQL
// LISTEN/NOTIFY when DATABASE_URL is set) carries them to the other instances. One listener
// decides who receives what: today every agent sees every account (the inbox room).
// Outside the custom server (build, unit tests) there is no io and this does nothing.

function inbox() {
  return getRuntime()?.io?.to(ROOMS.inbox);
}

export function emitConversationUpdated(conversation: TConversationSummary): void {
  inbox()?.emit(EVENTS.conversationUpdated, { conversation });
}

export function emitMessageCreated(message: TMessageView): void {
  inbox()?.emit(EVENTS.messageCreated, { message });
}

export function emitMessageUpdated(message: TMessageView): void {
  inbox()?.emit(EVENTS.messageUpdated, { message });
}

/**
 * Tells every browser what a committed change did. Conversations go first: a browser counts a
 * new customer message as unread on the conversation's row, which must be in its list by then.
 */
export function emitEffects(effects: TEffects): void {
  effects.conversations.forEach(emitConversationUpdated);
  effects.createdMessages.forEach(emitMessageCreated);
  effects.updatedMessages.forEach(emitMessageUpdated);
}
