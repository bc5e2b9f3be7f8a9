import type { TIo } from "../runtime";
import { EVENTS, ROOMS } from "./events";

/** Ids of users with at least one open socket on any instance (the adapter asks them all). */
export async function listOnlineUserIds(io: TIo | undefined): Promise<Set<string>> {
  if (!io) return new Set();
  const sockets = await io.fetchSockets();
  return new Set(sockets.map((socket) => socket.data.user.id));
}

/** Ends a user's live connections everywhere, telling their browsers why. */
export function disconnectUser(io: TIo | undefined, userId: string, reason: string): void {
  if (!io) return;
  io.to(ROOMS.user(userId)).emit(EVENTS.sessionRevoked, { reason });
  io.in(ROOMS.user(userId)).disconnectSockets(true);
}

/** Ends the live connections of one session (signed out) on every instance. */
export function disconnectSession(io: TIo | undefined, sessionId: string, reason: string): void {
  if (!io) return;
  io.to(ROOMS.session(sessionId)).emit(EVENTS.sessionRevoked, { reason });
  io.in(ROOMS.session(sessionId)).disconnectSockets(true);
}
