import { oneLine } from "../../errors-one-line";
import { getRuntime, type TIo } from "../../runtime";
import type { TEffects } from "../../effects/inbox-effects";
import type { TConversationSummary } from "../../conversations/summary";
import { EVENTS, ROOMS, type TInboxChange } from "../events";
import { log } from "../../log/logger";

// Emits go through the socket.io server of this process; its adapter (PostgreSQL
// LISTEN/NOTIFY when DATABASE_URL is set) carries them to the other instances. One listener
// decides who receives what: each account's part of a change goes to that account's room (its
// members) and to the admins, who see every account. Outside the custom server (build, unit
// tests) there is no io and this does nothing.

/** Changes that wait for a lookup of their accounts; later ones wait behind them, in order. */
let waiting: Promise<void> | null = null;

/**
 * Tells the browsers allowed to see it what a committed change did: one event per account the
 * change touched (almost always one), each to that account's members and the admins. Without
 * a query: every conversation carries its account, and producers note the account of messages
 * whose conversation is not in the change (TEffects.accounts). Only if one did not is the
 * account looked up, and then later changes queue behind it so none overtakes another.
 */
export function emitEffects(effects: TEffects): void {
  const runtime = getRuntime();
  const io = runtime?.io;
  const change = toInboxChange(effects);
  if (!runtime || !io || !change) return;
  const accounts = knownAccounts(change, effects.accounts);
  const missing = unknownConversations(change, accounts);
  if (!waiting && missing.length === 0) return sendChange(io, change, accounts);

  const lookUp = async () => {
    if (missing.length === 0) return;
    try {
      const rows = await runtime.db.prisma.conversation.findMany({
        where: { id: { in: missing } },
        select: { id: true, accountId: true },
      });
      for (const row of rows) accounts.set(row.id, row.accountId);
    } catch (error) {
      // The admins still get it; agents catch up when their browser refetches (reconnect, database back).
      log().error(`Live event: the accounts of its messages could not be looked up: ${oneLine(error)}`);
    }
  };
  const next = (waiting ?? Promise.resolve()).then(lookUp).then(() => sendChange(io, change, accounts));
  waiting = next;
  void next.finally(() => {
    if (waiting === next) waiting = null;
  });
}

function sendChange(io: TIo, change: TInboxChange, accounts: ReadonlyMap<string, string>): void {
  const { parts, unrouted } = splitByAccount(change, accounts);
  for (const [accountId, part] of parts) {
    io.to(ROOMS.account(accountId)).to(ROOMS.admins).emit(EVENTS.inboxChanged, part);
  }
  // Messages of a conversation that is gone (its account was removed meanwhile): admins only.
  if (unrouted) io.to(ROOMS.admins).emit(EVENTS.inboxChanged, unrouted);
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

/** Conversation id → account id, from the conversations in the change and what producers noted. */
export function knownAccounts(change: TInboxChange, noted: ReadonlyMap<string, string>): Map<string, string> {
  const accounts = new Map(noted);
  for (const conversation of change.conversations) accounts.set(conversation.id, conversation.accountId);
  return accounts;
}

function unknownConversations(change: TInboxChange, accounts: ReadonlyMap<string, string>): string[] {
  const missing = new Set<string>();
  for (const message of [...change.created, ...change.updated]) {
    if (!accounts.has(message.conversationId)) missing.add(message.conversationId);
  }
  return [...missing];
}

/**
 * Each account's part of a change, in the change's order (a message created and updated in
 * one change stays in that order), and what belongs to no known account (null when nothing).
 */
export function splitByAccount(
  change: TInboxChange,
  accounts: ReadonlyMap<string, string>,
): { parts: Map<string, TInboxChange>; unrouted: TInboxChange | null } {
  const parts = new Map<string, TInboxChange>();
  const unrouted: TInboxChange = { conversations: [], created: [], updated: [] };
  const partOf = (accountId: string | undefined): TInboxChange => {
    if (accountId === undefined) return unrouted;
    let part = parts.get(accountId);
    if (!part) parts.set(accountId, (part = { conversations: [], created: [], updated: [] }));
    return part;
  };
  for (const conversation of change.conversations) partOf(conversation.accountId).conversations.push(conversation);
  for (const message of change.created) partOf(accounts.get(message.conversationId)).created.push(message);
  for (const message of change.updated) partOf(accounts.get(message.conversationId)).updated.push(message);
  const empty = unrouted.created.length + unrouted.updated.length === 0;
  return { parts, unrouted: empty ? null : unrouted };
}
