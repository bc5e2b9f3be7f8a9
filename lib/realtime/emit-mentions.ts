import { getRuntime } from "../runtime";
import type { TMentionNotice } from "../notes/schemas";
import { EVENTS, ROOMS } from "./events";

/**
 * Tells each mentioned agent, on every instance (the adapter carries it), in their own room
 * only: nobody else learns whom a note named. Call after the note was committed. Without a
 * socket.io server (build, unit tests) it does nothing.
 */
export function emitMentions(mentions: readonly { userId: string; notice: TMentionNotice }[]): void {
  const io = getRuntime()?.io;
  if (!io) return;
  for (const { userId, notice } of mentions) io.to(ROOMS.user(userId)).emit(EVENTS.mentionCreated, notice);
}
