import type { Socket } from "socket.io";
import type { TSessionUser } from "../auth/session";
import type { TIo } from "../runtime";
import {
  TYPING_TTL_MS,
  ZConversationTyping,
  ZConversationView,
  summarizePresence,
  type TSocketPresence,
} from "./conversation-presence-state";
import {
  EVENTS,
  ROOMS,
  type TClientToServerEvents,
  type TServerSideEvents,
  type TServerToClientEvents,
  type TSocketData,
} from "./events";

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

  socket.on("conversation.view", async (payload) => {
    const parsed = ZConversationView.safeParse(payload);
    if (!parsed.success) return;
    const { conversationId } = parsed.data;
    const request = ++latestView;
    const allowed = await mayView(socket.data.user, conversationId).catch(() => false);
    if (request !== latestView || socket.disconnected) return;
    // Refused (never seen, or no longer: asked again after access changed): out of any room.
    if (!allowed) return leave();
    if (socket.data.presence?.conversationId !== conversationId) {
      await leave();
      setPresence({ conversationId, typingUntil: 0 });
      await socket.join(ROOMS.conversation(conversationId));
    }
    // Said again even to a socket already there: a reconnected browser must learn who is there.
    await announceConversationPresence(io, conversationId);
  });

  socket.on("conversation.leave", async (payload) => {
    const parsed = ZConversationView.safeParse(payload);
    if (!parsed.success || socket.data.presence?.conversationId !== parsed.data.conversationId) return;
    latestView++;
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

/**
 * Tells a conversation's viewers (on every instance) who is there and who types. When an
 * instance does not answer (it just died and the adapter still counts it), this instance's own
 * sockets are what we know; the next change says it again.
 */
export async function announceConversationPresence(io: TIo, conversationId: string): Promise<void> {
  const room = ROOMS.conversation(conversationId);
  const sockets = await io
    .in(room)
    .fetchSockets()
    .catch(() => io.local.in(room).fetchSockets())
    .catch(() => []);
  const presence = summarizePresence(
    conversationId,
    sockets.map((s) => ({ user: s.data.user, presence: s.data.presence })),
    Date.now(),
  );
  io.to(room).emit(EVENTS.conversationPresence, presence);
}
