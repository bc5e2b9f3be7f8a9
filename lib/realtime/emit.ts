import { getRuntime } from "../runtime";
import type { TEffects } from "../server/webhooks/effects";
import type { TConversationSummary } from "../queries/conversation-types";
import { EVENTS, ROOMS, type TInboxChange } from "./events";

// Emits go through the socket.io server of this process; its adapter (PostgreSQL
// LISTEN/NOTIFY when DATABASE_URL is set) carries them to the other instances. One listener
// decides who receives what: today every agent sees every account (the inbox room).
// Outside the custom server (build, unit tests) there is no io and this does nothing.

/** Tells every browser what a committed change did, in one event (see EVENTS.inboxChanged). */
export function emitEffects(effects: TEffects): void {
  const inbox = getRuntime()?.io?.to(ROOMS.inbox);
  const change = toInboxChange(effects);
  if (inbox && change) inbox.emit(EVENTS.inboxChanged, change);
}

/**
 * The event for a change, or null when it changed nothing. A conversation touched by several
 * messages of the batch is sent once, as it stands after the last of them.
 */
export function toInboxChange(effects: TEffects): TInboxChange | null {
  const conversations = new Map<string, TConversationSummary>();
  for (const conversation of effects.conversations) {
    const seen = conversations.get(conversation.id);
    if (!seen || seen.updatedAt <= conversation.updatedAt) conversations.set(conversation.id, conversation);
  }
  const change = {
    conversations: [...conversations.values()],
    created: effects.createdMessages,
    updated: effects.updatedMessages,
  };
  return change.conversations.length + change.created.length + change.updated.length > 0 ? change : null;
}
