import type { TIo } from "../runtime";
import { EVENTS, ROOMS } from "./events";

/** Ids of users with at least one open socket on any instance (the adapter asks them all). */
export async function listOnlineUserIds(io: TIo | undefined): Promise<Set<string>> {
  if (!io) return new Set();
  const sockets = await io.fetchSockets();
  return new Set(sockets.map((socket) => socket.data.user.id));
}

/** Ends a user's live connections everywhere (deactivated, password reset), telling their browsers why. */
export function disconnectUser(io: TIo | undefined, userId: string, reason: string): void {
  endConnections(io, ROOMS.user(userId), reason);
}

/** Ends the live connections of one session (signed out) on every instance. */
export function disconnectSession(io: TIo | undefined, sessionId: string, reason: string): void {
  endConnections(io, ROOMS.session(sessionId), reason);
}

function endConnections(io: TIo | undefined, room: string, reason: string): void {
  if (!io) return;
  io.to(room).emit(EVENTS.sessionRevoked, { reason });
  io.in(room).disconnectSockets(true);
}
