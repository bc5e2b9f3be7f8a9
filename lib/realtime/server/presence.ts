import { randomUUID } from "node:crypto";
import { getRuntime, type TIo } from "../../runtime";
import { EVENTS, ROOMS } from "../events";

/** How long to wait for the other instances' answers: a dead one never answers. */
const PRESENCE_WAIT_MS = 1000;

/**
 * Ids of users with at least one open socket on any living instance. socket.io's own
 * fetchSockets() waits for every instance the adapter still counts — including one that just
 * died, for its 10 s heartbeat timeout — and then fails. Here each instance answers for its own
 * sockets, and we take what the living ones said within a second.
 */
export async function listOnlineUserIds(io: TIo | undefined): Promise<Set<string>> {
  if (!io) return new Set();
  const online = new Set(localUserIds(io));
  const others = (await io.of("/").adapter.serverCount()) - 1;
  if (others <= 0) return online;
  const requestId = randomUUID();
  await new Promise<void>((resolve) => {
    let answered = 0;
    const onAnswer = (id: string, userIds: string[]) => {
      if (id !== requestId) return;
      userIds.forEach((userId) => online.add(userId));
      if (++answered >= others) done();
    };
    const timer = setTimeout(() => done(), PRESENCE_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      io.off("presence.answer", onAnswer);
      resolve();
    };
    io.on("presence.answer", onAnswer);
    io.serverSideEmit("presence.query", requestId);
  });
  return online;
}

/** Browsers connected to this process's socket.io server now (its metrics gauge). */
export function connectedBrowsers(io: TIo | undefined): number {
  return io?.engine.clientsCount ?? 0;
}

/** As listOnlineUserIds, through this process's socket.io server (none in unit tests: nobody). */
export function onlineUserIdsNow(): Promise<Set<string>> {
  return listOnlineUserIds(getRuntime()?.io);
}

/**
 * Tells the admins' pages, on every instance, that someone's sockets changed. A page that asked
 * who is online before its own socket connected (the Agents table, fetched as the page opens)
 * would otherwise show its own admin "Offline" until its next poll.
 */
export function announcePresenceChanged(io: TIo): void {
  io.to(ROOMS.admins).emit(EVENTS.presenceChanged);
}

/** Every instance answers the others' presence questions with its own sockets' users. */
export function answerPresenceQueries(io: TIo): void {
  io.on("presence.query", (requestId) => io.serverSideEmit("presence.answer", requestId, localUserIds(io)));
}

function localUserIds(io: TIo): string[] {
  return [...io.of("/").sockets.values()].map((socket) => socket.data.user.id);
}

/** Ends a user's live connections everywhere (deactivated, password reset), telling their browsers why. */
export function disconnectUser(io: TIo, userId: string, reason: string): void {
  endConnections(io, ROOMS.user(userId), reason);
}

/** Ends the live connections of one session (signed out) on every instance. */
export function disconnectSession(io: TIo, sessionId: string, reason: string): void {
  endConnections(io, ROOMS.session(sessionId), reason);
}

function endConnections(io: TIo, room: string, reason: string): void {
  io.to(room).emit(EVENTS.sessionRevoked, { reason });
  io.in(room).disconnectSockets(true);
}
