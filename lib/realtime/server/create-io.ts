import type { Server as HttpServer } from "node:http";
import type pg from "pg";
import { Server } from "socket.io";
import type { TSessionUser } from "../../auth/session";
import type { TIo } from "../../runtime";
import { accessRooms } from "./access-rooms";
import { createCluster } from "./cluster-adapter";
import { answerViewRevisions, handleConversationPresence, type TMayViewConversation } from "./conversation-presence";
import { ROOMS, UNAUTHORIZED } from "../events";
import { isOwnOrigin } from "./handshake-origin";
import { announcePresenceChanged, answerPresenceQueries } from "./presence";

const FOREIGN_ORIGIN = "Only the inbox's own pages may open its live connection.";

export interface TIoOptions {
  /** The origins the app's pages are served from (lib/http/app-origins.ts). */
  origins: readonly string[];
  /** Resolves the signed-in user and session from the handshake's headers (its session cookie). */
  authenticate: (headers: Headers) => Promise<{ user: TSessionUser; sessionId: string } | null>;
  /** The accounts whose events this user may receive; null for every account (an admin). */
  accessibleAccounts: (user: TSessionUser) => Promise<string[] | null>;
  /** Whether this user may see a conversation (to view it with others); without it, no one may. */
  mayViewConversation?: TMayViewConversation;
  /** REDIS_URL and REDIS_STREAM: events cross instances through Redis instead of PostgreSQL. */
  redis?: { url: string; stream: string } | undefined;
}

/**
 * socket.io on the app's own HTTP server. Every connection must come from one of the app's
 * origins and carry a valid session: the handshake is refused otherwise. Events cross instances
 * through Redis when REDIS_URL is set, else through PostgreSQL (LISTEN/NOTIFY), so several app
 * instances reach every agent (lib/realtime/cluster-adapter.ts). The embedded PGlite is
 * single-process, so one instance and the in-memory adapter suffice there.
 */
export async function createIo(
  server: HttpServer,
  pool: pg.Pool | undefined,
  { origins, authenticate, accessibleAccounts, mayViewConversation = async () => false, redis }: TIoOptions,
): Promise<TIo> {
  const io: TIo = new Server(server, {
    serveClient: false,
    transports: ["websocket", "polling"],
    // Asked by engine.io at every handshake, polling or websocket, before any session exists
    // (later requests need the session id only a handshake hands out): 403 for a foreign page.
    allowRequest: (req, callback) =>
      isOwnOrigin(req.headers, origins) ? callback(null, true) : callback(FOREIGN_ORIGIN, false),
  });
  const cluster = await createCluster({ pool, redisUrl: redis?.url, redisStream: redis?.stream });
  if (cluster.adapter) io.adapter(cluster.adapter);
  // io.close() closes the HTTP server; the cluster's own connections go with it.
  server.once("close", () => void cluster.close());
  // The rooms a socket joins once connected, worked out before: a browser told it is live
  // must already receive its accounts' events.
  const roomsOf = new WeakMap<object, string[]>();
  io.use((socket, next) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(socket.handshake.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    authenticate(headers)
      .then(async (signedIn) => {
        if (!signedIn) return next(new Error(UNAUTHORIZED));
        socket.data.user = signedIn.user;
        socket.data.sessionId = signedIn.sessionId;
        roomsOf.set(socket, accessRooms(await accessibleAccounts(signedIn.user)));
        next();
      })
      .catch(() => next(new Error(UNAUTHORIZED)));
  });
  answerPresenceQueries(io);
  answerViewRevisions(io);
  io.on("connection", (socket) => {
    // An agent's sockets are in their accounts' rooms, an admin's in the admins' room
    // (lib/realtime/access-rooms.ts), and every socket in its user's and its session's.
    const rooms = roomsOf.get(socket) ?? [];
    roomsOf.delete(socket);
    // Joined before the announcement, so an admin's own page hears of its own arrival.
    void Promise.resolve(
      socket.join([...rooms, ROOMS.user(socket.data.user.id), ROOMS.session(socket.data.sessionId)]),
    ).then(() => announcePresenceChanged(io));
    socket.on("disconnect", () => announcePresenceChanged(io));
    handleConversationPresence(io, socket, mayViewConversation);
  });
  return io;
}
