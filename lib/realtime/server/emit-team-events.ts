import type { TContactUpdated, TLabelsChanged, TMentioned, TSlaWarned } from "../../effects/effects";
import type { TIo } from "../../runtime";
import { EVENTS, ROOMS } from "../events";

// Events of the labels, the contact panel and mentions. Like emitEffects, they go through this
// process's socket.io server; its adapter carries them to the other instances.

/**
 * The labels changed (created, renamed, recoloured, deleted): every signed-in browser gets
 * the whole list. Labels are not per account (every signed-in user may list them), and every
 * socket is authenticated on its handshake, so this goes to all sockets; no conversation
 * rides along: each browser refetches what it shows.
 */
export function emitLabelsChanged(io: TIo, { labels }: TLabelsChanged): void {
  io.emit(EVENTS.labelsChanged, { labels });
}

/** A contact's notes changed: the account's members and the admins refetch the contact panel. */
export function emitContactUpdated(io: TIo, { accountId, conversationId, contactId }: TContactUpdated): void {
  io.to(ROOMS.account(accountId)).to(ROOMS.admins).emit(EVENTS.contactUpdated, { conversationId, contactId });
}

/**
 * Tells each mentioned agent, on every instance (the adapter carries it), in their own room
 * only: nobody else learns whom a note named.
 */
export function emitMentions(io: TIo, { mentions }: TMentioned): void {
  for (const { userId, notice } of mentions) io.to(ROOMS.user(userId)).emit(EVENTS.mentionCreated, notice);
}

/** SLA warnings, each to the warned person's own room only. */
export function emitSlaWarnings(io: TIo, { warnings }: TSlaWarned): void {
  for (const { userId, notice } of warnings) io.to(ROOMS.user(userId)).emit(EVENTS.slaWarned, notice);
}
