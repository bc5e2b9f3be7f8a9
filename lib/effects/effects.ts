import type { TLabel } from "../labels/schemas";
import type { TMentionNotice } from "../notes/schemas";
import type { TSlaWarningNotice } from "../sla/schemas";
import type { TEffects } from "./inbox-effects";

// What a committed change means for the browsers, as domain functions return it. They never
// reach socket.io themselves: the route wrapper and the workers hand these to `announce()`
// (lib/realtime/server/announce.ts), the only code that does.

/** A contact's notes changed: the account's members and the admins refetch the contact panel. */
export interface TContactUpdated {
  kind: "contact-updated";
  accountId: string;
  conversationId: string;
  contactId: string;
}

/** The labels changed: every signed-in browser gets the whole list (labels are not per account). */
export interface TLabelsChanged {
  kind: "labels-changed";
  labels: TLabel[];
}

/** Agents a note mentioned: each is told in their own room only. */
export interface TMentioned {
  kind: "mentioned";
  mentions: readonly { userId: string; notice: TMentionNotice }[];
}

/** SLA due times 10 minutes away: each person warned is told in their own room only. */
export interface TSlaWarned {
  kind: "sla-warned";
  warnings: readonly { userId: string; notice: TSlaWarningNotice }[];
}

/** A user's live connections end everywhere (deactivated, password reset), their browsers told why. */
export interface TUserSignedOut {
  kind: "user-signed-out";
  userId: string;
  reason: string;
}

/** One session's live connections end everywhere (signed out). */
export interface TSessionEnded {
  kind: "session-ended";
  sessionId: string;
  reason: string;
}

/**
 * What a user may now see after a change of role or memberships: their sockets move into these
 * rooms' accounts (null: every account, an admin's) and out of the others'.
 */
export interface TAccessChanged {
  kind: "access-changed";
  userId: string;
  role: "admin" | "agent";
  /** Accounts they may see; null for an admin (every account). */
  accountIds: string[] | null;
  /** Every other account: their rooms are left. */
  otherAccountIds: string[];
}

/** An account was removed with its conversations. */
export interface TAccountRemoved {
  kind: "account-removed";
  accountId: string;
}

/** Conversations were deleted for good (retention): whoever shows the account's conversations refetches. */
export interface TConversationsRemoved {
  kind: "conversations-removed";
  accountId: string;
  conversationIds: string[];
}

export type TEffect =
  | TEffects
  | TContactUpdated
  | TLabelsChanged
  | TMentioned
  | TSlaWarned
  | TUserSignedOut
  | TSessionEnded
  | TAccessChanged
  | TAccountRemoved
  | TConversationsRemoved;
