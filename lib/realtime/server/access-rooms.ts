import type { PrismaClient } from "../../db/generated/client";
import { isAdmin, type TRole } from "../../auth/roles";
import type { TIo } from "../../runtime";
import type { TAccessChanged } from "../../effects/effects";
import { reviseView, reviseViews } from "./conversation-presence";
import { EVENTS, ROOMS } from "../events";

// socket.io rooms follow what a user may see: an agent's sockets are in the room of each
// account they are a member of, an admin's in the admins' room (lib/realtime/emit.ts sends
// every change there). They are joined at connection, moved at once when an admin changes a
// membership or a role (on every instance, through the adapter), and checked again by every
// instance's session sweep, which heals a change that raced a connection being opened.

/** The rooms for what a user may see (accessibleAccountIds: null means an admin). */
export function accessRooms(accountIds: string[] | null): string[] {
  return accountIds === null ? [ROOMS.admins] : accountIds.map((id) => ROOMS.account(id));
}

/** As a session reads it (lib/auth/session.ts): anything but admin is an agent. */
function roleOf(role: string): TRole {
  return isAdmin(role) ? "admin" : "agent";
}

function isAccessRoom(room: string): boolean {
  return room === ROOMS.admins || room.startsWith(ROOMS.account(""));
}

/**
 * After a change of a user's memberships or role: moves their live sockets, on every instance,
 * into exactly the rooms they now belong in, takes them out of a conversation they may no longer
 * see (reviseViews), then tells their browsers to refetch what they show (conversations of a
 * removed account disappear, those of an added one appear). None of this waits for the browser:
 * one that ignores access.changed hears nothing more of what it lost.
 */
export async function moveUserRooms(io: TIo, change: TAccessChanged): Promise<void> {
  const target = accessRooms(change.accountIds);
  const leave = [ROOMS.admins, ...change.otherAccountIds.map((id) => ROOMS.account(id))].filter(
    (room) => !target.includes(room),
  );
  const sockets = io.in(ROOMS.user(change.userId));
  // Disjoint sets, so the order in which instances apply the two does not matter.
  if (leave.length > 0) sockets.socketsLeave(leave);
  if (target.length > 0) sockets.socketsJoin(target);
  await reviseViews(io, change.userId, change.role);
  io.to(ROOMS.user(change.userId)).emit(EVENTS.accessChanged);
}

/**
 * An account was removed with its conversations: its members' and the admins' browsers refetch
 * (its conversations leave their lists), and the room, now pointless, is emptied.
 */
export function announceAccountRemoved(io: TIo, accountId: string): void {
  io.to(ROOMS.account(accountId)).to(ROOMS.admins).emit(EVENTS.accessChanged);
  io.in(ROOMS.account(accountId)).socketsLeave(ROOMS.account(accountId));
}

/**
 * Conversations of an account were deleted (retention): its members' and the admins' browsers
 * refetch what they show, and the deleted conversations leave their lists and counts.
 */
export function announceConversationsRemoved(io: TIo, accountId: string): void {
  io.to(ROOMS.account(accountId)).to(ROOMS.admins).emit(EVENTS.conversationsRemoved);
}

/**
 * Puts each of this instance's sockets in the rooms its user's current role and memberships
 * call for, and gives it its user's current role (a safety net run with the session sweep).
 * Returns how many sockets it moved.
 */
export async function syncAccessRooms(io: TIo, prisma: PrismaClient): Promise<number> {
  const sockets = [...io.of("/").sockets.values()];
  if (sockets.length === 0) return 0;
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(sockets.map((socket) => socket.data.user.id))] } },
    select: { id: true, role: true, memberships: { select: { accountId: true } } },
  });
  const roles = new Map(users.map((user) => [user.id, roleOf(user.role)]));
  const rooms = new Map(
    users.map((user) => [
      user.id,
      accessRooms(isAdmin(user.role) ? null : user.memberships.map((membership) => membership.accountId)),
    ]),
  );
  let moved = 0;
  for (const socket of sockets) {
    const target = rooms.get(socket.data.user.id) ?? [];
    const leave = [...socket.rooms].filter((room) => isAccessRoom(room) && !target.includes(room));
    const join = target.filter((room) => !socket.rooms.has(room));
    const role = roles.get(socket.data.user.id);
    const roleChanged = role !== undefined && role !== socket.data.user.role;
    if (leave.length + join.length === 0 && !roleChanged) continue;
    // This instance's own sockets: joining and leaving happen here, at once.
    for (const room of leave) void socket.leave(room);
    void socket.join(join);
    if (role !== undefined) await reviseView(socket, role);
    socket.emit(EVENTS.accessChanged);
    moved++;
  }
  return moved;
}
