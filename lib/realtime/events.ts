// socket.io event names and payloads, shared by the server and the browser.
// Names are `entity.past_tense`. Payloads carry the changed rows so the browser patches its
// cache instead of refetching.

import type { TRole } from "../auth/roles";
import type { TSessionUser } from "../auth/session";
import type { TLabel } from "../labels/schemas";
import type { TMessageView } from "../messages/schemas";
import type { TMentionNotice } from "../notes/schemas";
import type { TSlaWarningNotice } from "../sla/schemas";
import type { TConversationSummary } from "../conversations/summary";
import type {
  TConversationPresence,
  TConversationTyping,
  TConversationView,
  TSocketPresence,
} from "./conversation-presence-state";

export const EVENTS = {
  /**
   * What one committed change did to the inbox: conversations moved along, messages created,
   * messages updated. One event per change — a batch of a hundred webhooks is one event, not
   * two hundred: each event is a NOTIFY between instances and a frame to every browser.
   */
  inboxChanged: "inbox.changed",
  /** This user's sessions were ended (deactivated, or signed out everywhere). */
  sessionRevoked: "session.revoked",
  /** The instance this browser is connected to lost (or regained) its database. */
  serverStatus: "server.status",
  /**
   * The instance this browser is connected to is stopping (a restart, a deploy): reconnect, at
   * a random moment within `reconnectWithinMs` so a whole team does not arrive at once; the
   * proxy sends the new connection to another instance, and the browser catches up.
   */
  serverStopping: "server.stopping",
  /**
   * The accounts this user may see changed (membership or role): their sockets were moved to
   * the right rooms already; the browser refetches what it shows.
   */
  accessChanged: "access.changed",
  /** Conversations of an account were deleted for good (retention): the browser refetches what it shows. */
  conversationsRemoved: "conversations.removed",
  /** Who views and who types in a conversation, to its viewers (lib/realtime/conversation-presence.ts). */
  conversationPresence: "conversation.presence_changed",
  /** This user was @mentioned in a private note (to their own room only). */
  mentionCreated: "mention.created",
  /** An SLA due time of a conversation this user answers for is 10 minutes away (own room only). */
  slaWarned: "sla.warned",
  /** The labels were created, renamed, recoloured or deleted: the whole list (lib/realtime/emit-team-events.ts). */
  labelsChanged: "labels.changed",
  /** A customer's notes were saved (contact panel): whoever shows them refetches. */
  contactUpdated: "contact.updated",
  /**
   * A socket connected or disconnected somewhere: to the admins only, whose Agents table asks
   * again who is online (lib/realtime/presence.ts). No payload: presence is asked, not pushed.
   */
  presenceChanged: "presence.changed",
} as const;

export interface TServerToClientEvents {
  [EVENTS.inboxChanged]: (payload: TInboxChange) => void;
  [EVENTS.sessionRevoked]: (payload: { reason: string }) => void;
  [EVENTS.serverStatus]: (payload: TServerStatus) => void;
  [EVENTS.serverStopping]: (payload: { reconnectWithinMs: number }) => void;
  [EVENTS.accessChanged]: () => void;
  [EVENTS.conversationsRemoved]: () => void;
  [EVENTS.conversationPresence]: (payload: TConversationPresence) => void;
  [EVENTS.mentionCreated]: (payload: TMentionNotice) => void;
  [EVENTS.slaWarned]: (payload: TSlaWarningNotice) => void;
  [EVENTS.labelsChanged]: (payload: { labels: TLabel[] }) => void;
  [EVENTS.contactUpdated]: (payload: { conversationId: string; contactId: string }) => void;
  [EVENTS.presenceChanged]: () => void;
}

/** Applied in this order: a new customer message counts as unread on its conversation's row. */
export interface TInboxChange {
  conversations: TConversationSummary[];
  created: TMessageView[];
  updated: TMessageView[];
}

export interface TServerStatus {
  database: "ok" | "unavailable";
}

/** The message a refused handshake carries to the browser. */
export const UNAUTHORIZED = "unauthorized";

/** Presence in a conversation; validated on arrival (payloads are checked, not trusted). */
export interface TClientToServerEvents {
  "conversation.view": (payload: TConversationView) => void;
  "conversation.leave": (payload: TConversationView) => void;
  "conversation.typing": (payload: TConversationTyping) => void;
}

/**
 * Between app instances (through the adapter): who is online on each (lib/realtime/presence.ts),
 * and whose access changed.
 */
export interface TServerSideEvents {
  "presence.query": (requestId: string) => void;
  "presence.answer": (requestId: string, userIds: string[]) => void;
  /** This user's role or memberships changed: check their sockets' views (conversation-presence.ts). */
  "access.revised": (userId: string, role: TRole) => void;
}

export interface TSocketData {
  user: TSessionUser;
  sessionId: string;
  /** The conversation this socket shows, if any. */
  presence?: TSocketPresence;
}

/**
 * Rooms. A change to the inbox goes to the room of each account it concerns (its members'
 * sockets) and, whole, to the admins (who see every account). Per user and per session, to
 * reach or close one person's or one session's sockets on every instance.
 */
export const ROOMS = {
  admins: "admins",
  user: (id: string) => `user:${id}`,
  session: (id: string) => `session:${id}`,
  account: (id: string) => `account:${id}`,
  conversation: (id: string) => `conversation:${id}`,
} as const;
