import { getRuntime } from "../runtime";
import type { TEffects } from "../server/webhooks/effects";
import { EVENTS, ROOMS } from "./events";

// Emits go through the socket.io server of this process; its adapter (PostgreSQL
// LISTEN/NOTIFY when DATABASE_URL is set) carries them to the other instances. One listener
// decides who receives what: today every agent sees every account (the inbox room).
// Outside the custom server (build, unit tests) there is no io and this does nothing.

/**
 * Tells every browser what a committed change did. Conversations go first: a browser counts a
 * new customer message as unread on the conversation's row, which must be in its list by then.
 */
export function emitEffects(effects: TEffects): void {
  const inbox = getRuntime()?.io?.to(ROOMS.inbox);
  if (!inbox) return;
  effects.conversations.forEach((conversation) => inbox.emit(EVENTS.conversationUpdated, { conversation }));
  effects.createdMessages.forEach((message) => inbox.emit(EVENTS.messageCreated, { message }));
  effects.updatedMessages.forEach((message) => inbox.emit(EVENTS.messageUpdated, { message }));
}
