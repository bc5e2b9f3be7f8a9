import { getRuntime } from "../runtime";
import { EVENTS, ROOMS } from "./events";
import type { TConversationSummary } from "../queries/conversation-types";

// Emits go through the socket.io server of this process; its adapter (PostgreSQL
// LISTEN/NOTIFY when DATABASE_URL is set) carries them to the other instances.
// Outside the custom server (build, unit tests) there is no io and this does nothing.

export function emitConversationUpdated(conversation: TConversationSummary): void {
  getRuntime()
    ?.io?.to([ROOMS.inbox, ROOMS.account(conversation.accountId)])
    .emit(EVENTS.conversationUpdated, { conversation });
}
