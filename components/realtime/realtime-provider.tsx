"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { io } from "socket.io-client";
import { createEventReplay } from "@/lib/queries/event-replay";
import { refetchLive, replayOntoFetches } from "@/lib/queries/live";
import type { TBrowserSocket } from "@/lib/realtime/listen";
import { useSessionUser } from "@/components/auth/session-context";
import { watchConnection, type TConnectionState } from "./connection-events";
import { listenToInboxEvents } from "./inbox-events";
import { OpenConversationProvider, useOpenConversationRef } from "./open-conversation";
import { SocketContext, type TAppSocket } from "./socket-context";

export type { TConnectionState } from "./connection-events";

const ConnectionContext = createContext<TConnectionState>("connecting");

export function useConnectionState(): TConnectionState {
  return useContext(ConnectionContext);
}

// How long a received event is kept to be replayed onto data fetched meanwhile.
const REPLAY_WINDOW_MS = 60_000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  return (
    <OpenConversationProvider>
      <RealtimeConnection>{children}</RealtimeConnection>
    </OpenConversationProvider>
  );
}

/**
 * The tab's one socket: its connection's life (connection-events.ts), the inbox's events
 * written into the cache (inbox-events.ts), and recent events replayed onto data fetched
 * meanwhile. Presence and notifications listen on the same socket, through SocketContext.
 */
function RealtimeConnection({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const router = useRouter();
  const openConversation = useOpenConversationRef();
  const [state, setState] = useState<TConnectionState>("connecting");
  const [connected, setConnected] = useState<TAppSocket | null>(null);
  const user = useSessionUser();

  useEffect(() => {
    const socket: TBrowserSocket = io({ transports: ["websocket", "polling"] });
    const recent = createEventReplay(REPLAY_WINDOW_MS);
    const stopInbox = listenToInboxEvents(socket, {
      client,
      recent,
      userId: user.id,
      isShown: (id) => openConversation.current === id && document.visibilityState === "visible",
    });
    const stopReplay = replayOntoFetches(client, recent);
    const stopConnection = watchConnection(socket, {
      setState,
      onConnected: () => setConnected(socket),
      catchUp: () => refetchLive(client),
      // Kept events may belong to an account no longer ours: drop them, then refetch, so a
      // removed account's conversations disappear and an added one's appear. The refresh
      // redraws what the server rendered for the role (the header's Admin link).
      onAccessChanged: () => {
        recent.clear();
        refetchLive(client);
        router.refresh();
      },
    });
    return () => {
      stopConnection();
      stopInbox();
      stopReplay();
      socket.disconnect();
    };
  }, [client, openConversation, router, user.id]);

  return (
    <ConnectionContext.Provider value={state}>
      <SocketContext value={connected}>{children}</SocketContext>
    </ConnectionContext.Provider>
  );
}
