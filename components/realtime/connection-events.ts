import type { Socket } from "socket.io-client";
import { leaveTo } from "@/lib/browser/leave-to";
import { EVENTS, UNAUTHORIZED, type TClientToServerEvents, type TServerToClientEvents } from "@/lib/realtime/events";
import { listenValidated } from "@/lib/realtime/listen";

/** `degraded`: connected, but the server cannot reach its database (it says so, and we wait). */
export type TConnectionState = "connecting" | "live" | "offline" | "degraded";

/** The longest an instance may ask us to spread our reconnect over. */
const RECONNECT_SPREAD_MAX_MS = 10_000;

interface TConnectionOptions {
  setState: (state: TConnectionState) => void;
  /** The socket is connected (again): presence hooks and notifications may listen on it. */
  onConnected: () => void;
  /** Events may have been missed (a reconnect without recovery, the database back): fetch again. */
  catchUp: () => void;
  /** An admin changed what this user may see; the server moved the socket already. */
  onAccessChanged: () => void;
}

/**
 * The connection's own life: its state for the badge, catching up after a gap, moving to
 * another instance when this one stops (a deploy), and leaving when the session ends. Returns
 * what stops listening.
 */
export function watchConnection(
  socket: Socket<TServerToClientEvents, TClientToServerEvents>,
  { setState, onConnected, catchUp, onAccessChanged }: TConnectionOptions,
): () => void {
  let connectedBefore = false;
  let moveTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on("connect", () => {
    setState("live");
    onConnected();
    // After a reconnect we may have missed events: catch up from the server.
    if (connectedBefore && !socket.recovered) catchUp();
    connectedBefore = true;
  });
  socket.on("disconnect", (reason) => {
    setState("offline");
    // Only a server that ended our session closes the socket itself (lib/realtime/server/presence.ts).
    if (reason === "io server disconnect") leaveTo("/sign-in?reason=revoked");
  });
  socket.on("connect_error", (error) => {
    if (error.message === UNAUTHORIZED) leaveTo("/sign-in?reason=expired");
    else setState("offline");
  });
  const stop = listenValidated(socket, {
    // The instance is stopping: reconnect at a random moment within its window; the proxy sends
    // us to another instance, and the reconnect catches up (above).
    [EVENTS.serverStopping]: ({ reconnectWithinMs }) => {
      clearTimeout(moveTimer);
      const within = Math.min(reconnectWithinMs, RECONNECT_SPREAD_MAX_MS);
      moveTimer = setTimeout(() => socket.disconnect().connect(), Math.random() * within);
    },
    [EVENTS.serverStatus]: ({ database }) => {
      if (database === "unavailable") return setState("degraded");
      setState("live");
      // Whatever happened while the database was away reaches us now.
      catchUp();
    },
    [EVENTS.accessChanged]: onAccessChanged,
    // Retention deleted old conversations: the lists and counts are fetched again without them.
    [EVENTS.conversationsRemoved]: () => catchUp(),
    // The server ended this user's sessions (deactivated, password reset): leave at once.
    [EVENTS.sessionRevoked]: () => leaveTo("/sign-in?reason=revoked"),
  });
  return () => {
    clearTimeout(moveTimer);
    stop();
  };
}
