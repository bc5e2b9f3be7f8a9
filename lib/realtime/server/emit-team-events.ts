import type { PrismaClient } from "../db/generated/client";
import { listLabels } from "../server/labels/list-labels";
import { getRuntime } from "../runtime";
import { EVENTS, ROOMS } from "./events";

// Events of the labels and the contact panel. Like emitEffects, they go through this
// process's socket.io server (its adapter carries them to the other instances) and do
// nothing where no server runs (build, unit tests).

/**
 * The labels changed (created, renamed, recoloured, deleted): every signed-in browser gets
 * the whole list. Labels are not per account (every signed-in user may list them), and every
 * socket is authenticated on its handshake, so this goes to all sockets; no conversation
 * rides along: each browser refetches what it shows.
 */
export async function announceLabels(prisma: PrismaClient): Promise<void> {
  const io = getRuntime()?.io;
  if (io) io.emit(EVENTS.labelsChanged, { labels: await listLabels(prisma) });
}

/** A contact's notes changed: the account's members and the admins refetch the contact panel. */
export function emitContactUpdated({
  accountId,
  conversationId,
  contactId,
}: {
  accountId: string;
  conversationId: string;
  contactId: string;
}): void {
  getRuntime()
    ?.io?.to(ROOMS.account(accountId))
    .to(ROOMS.admins)
    .emit(EVENTS.contactUpdated, { conversationId, contactId });
}
