// socket.io event names and payloads, shared by the server and the browser.
// Names are `entity.past_tense`. Payloads carry the changed rows so the browser patches its
// cache instead of refetching.

import type { TConversationSummary } from "../queries/conversation-types";

export const EVENTS = {
  conversationUpdated: "conversation.updated",
} as const;

export interface TServerToClientEvents {
  [EVENTS.conversationUpdated]: (payload: { conversation: TConversationSummary }) => void;
}

export type TClientToServerEvents = Record<string, never>;

export interface TSocketData {
  userId?: string;
}

/** Rooms: everyone in the inbox, and per account. */
export const ROOMS = {
  inbox: "inbox",
  account: (id: string) => `account:${id}`,
  conversation: (id: string) => `conversation:${id}`,
} as const;
