import type { Socket } from "socket.io";
import type { TRole } from "../../auth/roles";
import type { TSessionUser } from "../../auth/session";
import type { TIo } from "../../runtime";
import {
  TYPING_TTL_MS,
  ZConversationTyping,
  ZConversationView,
  summarizePresence,
  type TSocketPresence,
} from "../conversation-presence-state";
import {
  EVENTS,
  ROOMS,
  type TClientToServerEvents,
  type TServerSideEvents,
  type TServerToClientEvents,
  type TSocketData,
} from "../events";

const MIN_PING_GAP_MS = 1_000;

type TSocket = Socket<TClientToServerEvents, TServerToClientEvents, TServerSideEvents, TSocketData>;

/** May this user see that conversation? (lib/server/access: an agent, only their accounts'.) */
export type TMayViewConversation = (user: TSessionUser, conversationId: string) => Promise<boolean>;

/**
 * Presence in a conversation for one socket. It joins the conversation's room only if its user
 * may see that conversation — otherwise nothing happens and nothing is said (a refusal would
 * tell an agent the conversation exists). What it does is kept in `socket.data.presence`, which
 * the adapter hands to the other instances: each change is announced to the room with who is
 * there and who types, read from every instance's sockets.
 */
export function handleConversationPresence(io: TIo, socket: TSocket, mayView: TMayViewConversation): void {
  // Views answered out of order (a slow access check) must not leave the socket in an old one.
  let latestView = 0;
  /** The conversation this socket last asked to view, while its check may still be running. */
  let wanted: string | undefined;
  let typingExpiry: ReturnType<typeof setTimeout> | undefined;

  const setPresence = (presence: TSocketPresence | undefined) => {
    clearTimeout(typingExpiry);
    socket.data.presence = presence;
  };

  const leave = async () => {
    const current = socket.data.presence;
    if (!current) return;
    setPresence(undefined);
    await socket.leave(ROOMS.conversation(current.conversationId));
    await announceConversationPresence(io, current.conversationId);
  };

  const view = async (conversationId: string) => {
    const request = ++latestView;
    const allowed = await mayView(socket.data.user, conversationId).catch(() => false);
    if (request !== latestView || socket.disconnected) return;
    // Refused (never seen, or no longer: access changed): out of any room, and forgotten.
    if (!allowed) {
      wanted = undefined;
      return leave();
    }
    if (socket.data.presence?.conversationId !== conversationId) {
      await leave();
      setPresence({ conversationId, typingUntil: 0 });
      await socket.join(ROOMS.conversation(conversationId));
    }
    // Said again even to a socket already there: a reconnected browser must learn who is there.
    await announceConversationPresence(io, conversationId);
  };

  // The server asks again itself when access changes (reviseViews): a browser that ignores
  // access.changed must not stay in, nor hear, a conversation it may no longer see. Asking
  // through view() also supersedes a view whose check began before the change.
  revisits.set(socket, () => (wanted === undefined ? Promise.resolve() : view(wanted)));

  socket.on("conversation.view", async (payload) => {
    const parsed = ZConversationView.safeParse(payload);
    if (!parsed.success) return;
    wanted = parsed.data.conversationId;
    await view(parsed.data.conversationId);
  });

  socket.on("conversation.leave", async (payload) => {
    const parsed = ZConversationView.safeParse(payload);
    if (!parsed.success || socket.data.presence?.conversationId !== parsed.data.conversationId) return;
    latestView++;
    wanted = undefined;
    await leave();
  });

  socket.on("conversation.typing", async (payload) => {
    const parsed = ZConversationTyping.safeParse(payload);
    const current = socket.data.presence;
    if (!parsed.success || current?.conversationId !== parsed.data.conversationId) return;
    const { conversationId, typing } = parsed.data;
    // Browsers ping every 2 s; a socket pinging faster is not heard more often.
    if (typing && current.typingUntil - Date.now() > TYPING_TTL_MS - MIN_PING_GAP_MS) return;
    setPresence({ conversationId, typingUntil: typing ? Date.now() + TYPING_TTL_MS : 0 });
    if (typing) {
      // No further ping (tab closed, browser crashed, agent stopped): typing ends by itself.
      typingExpiry = setTimeout(() => void announceConversationPresence(io, conversationId), TYPING_TTL_MS + 50);
    }
    await announceConversationPresence(io, conversationId);
  });

  socket.on("disconnect", () => {
    // The socket has left its rooms by now: the others are told it is gone.
    const current = socket.data.presence;
    setPresence(undefined);
    if (current) void announceConversationPresence(io, current.conversationId);
  });
}

/** Each socket's way to ask again whether it may see what it views (set up with its presence). */
const revisits = new WeakMap<TSocket, () => Promise<void>>();

/**
 * A user's role or memberships changed: on every instance, their sockets take the new role and
 * ask again whether they may see the conversation they view. Those that may not leave its room,
 * and the viewers who remain are told. Resolves when this instance's sockets are done; the
 * others' answer through the adapter (and each instance's session sweep checks roles again).
 */
export async function reviseViews(io: TIo, userId: string, role: TRole): Promise<void> {
  if ((await io.of("/").adapter.serverCount()) > 1) io.serverSideEmit("access.revised", userId, role);
  await reviseLocalViews(io, userId, role);
}

/** Every instance revises its own sockets' views when another instance asks (reviseViews). */
export function answerViewRevisions(io: TIo): void {
  io.on("access.revised", (userId, role) => void reviseLocalViews(io, userId, role));
}

async function reviseLocalViews(io: TIo, userId: string, role: TRole): Promise<void> {
  const mine = [...io.of("/").sockets.values()].filter((socket) => socket.data.user.id === userId);
  await Promise.all(mine.map((socket) => reviseView(socket, role)));
}

/** Gives one socket of this instance its user's current role and checks again what it views. */
export async function reviseView(socket: TSocket, role: TRole): Promise<void> {
  if (socket.data.user.role !== role) socket.data.user = { ...socket.data.user, role };
  await revisits.get(socket)?.();
}

/**
 * Tells a conversation's viewers (on every instance) who is there and who types. When an
 * instance does not answer in time (it just died and the adapter still counts it, or it is
 * too loaded to answer within the adapter's 5 s), this instance's own sockets are what we
 * know, and it asks every instance once more a second later: a partial answer sent after a
 * full one must not stay the last word.
 */
export async function announceConversationPresence(io: TIo, conversationId: string, retry = true): Promise<void> {
  const room = ROOMS.conversation(conversationId);
  let partial = false;
  const sockets = await io
    .in(room)
    .fetchSockets()
    .catch(() => {
      partial = true;
      return io.local.in(room).fetchSockets();
    })
    .catch(() => []);
  const presence = summarizePresence(
    conversationId,
    sockets.map((s) => ({ user: s.data.user, presence: s.data.presence })),
    Date.now(),
  );
  io.to(room).emit(EVENTS.conversationPresence, presence);
  if (partial && retry) {
    setTimeout(() => void announceConversationPresence(io, conversationId, false), PARTIAL_RETRY_MS).unref();
  }
}

const PARTIAL_RETRY_MS = 1_000;
