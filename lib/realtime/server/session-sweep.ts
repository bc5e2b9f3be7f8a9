import type { PrismaClient } from "../../db/generated/client";
import type { TIo } from "../../runtime";
import { syncAccessRooms } from "./access-rooms";
import { EVENTS } from "../events";
import { log } from "../../log/logger";

/**
 * Sockets are authenticated once, at the handshake. Sessions can end afterwards without an
 * event we see (expiry, "sign out other sessions" on a password change, a row deleted by
 * another instance's admin action), so every `intervalMs` each instance checks the sessions
 * behind its own sockets and closes those whose session is gone, expired or deactivated; and
 * puts the others in the rooms their user's role and memberships call for (access-rooms.ts).
 */
export function startSessionSweep(io: TIo, prisma: PrismaClient, intervalMs = 30_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void sweepSessions(io, prisma, new Date())
      .then(() => syncAccessRooms(io, prisma))
      .catch((err: unknown) => log().error({ err }, "Session sweep failed"))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function sweepSessions(io: TIo, prisma: PrismaClient, now: Date): Promise<number> {
  const sockets = await io.local.fetchSockets();
  if (sockets.length === 0) return 0;
  const ids = [...new Set(sockets.map((socket) => socket.data.sessionId))];
  const alive = await prisma.session.findMany({
    where: { id: { in: ids }, expiresAt: { gt: now }, user: { NOT: { banned: true } } },
    select: { id: true },
  });
  const valid = new Set(alive.map((s) => s.id));
  let closed = 0;
  for (const socket of sockets) {
    if (valid.has(socket.data.sessionId)) continue;
    socket.emit(EVENTS.sessionRevoked, { reason: "Your session ended." });
    socket.disconnect(true);
    closed++;
  }
  return closed;
}
