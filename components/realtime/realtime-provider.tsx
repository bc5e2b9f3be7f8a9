"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { conversationKeys, upsertConversation, type TConversationPages } from "@/lib/queries/conversations";
import { ZConversationSummary, type TConversationSummary } from "@/lib/queries/conversation-types";
import { EVENTS, type TClientToServerEvents, type TServerToClientEvents } from "@/lib/realtime/events";

export type TConnectionState = "connecting" | "live" | "offline";

const ConnectionContext = createContext<TConnectionState>("connecting");

export function useConnectionState(): TConnectionState {
  return useContext(ConnectionContext);
}

// How long a received event is kept to be replayed onto a list fetched meanwhile.
const REPLAY_WINDOW_MS = 60_000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<TConnectionState>("connecting");

  useEffect(() => {
    const socket: Socket<TServerToClientEvents, TClientToServerEvents> = io({ transports: ["websocket", "polling"] });
    const recent: { at: number; conversation: TConversationSummary }[] = [];

    const apply = (conversation: TConversationSummary) =>
      queryClient.setQueriesData<TConversationPages>({ queryKey: conversationKeys.lists() }, (data) =>
        upsertConversation(data, conversation),
      );

    socket.on(EVENTS.conversationUpdated, (payload) => {
      const parsed = ZConversationSummary.safeParse(payload.conversation);
      if (!parsed.success) return;
      recent.push({ at: Date.now(), conversation: parsed.data });
      apply(parsed.data);
    });

    // A list request in flight when an event arrives may answer with data read before the
    // event's write, and would overwrite the patched cache. Replaying recent events onto
    // every freshly fetched list closes that gap; the updater ignores what is not newer.
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success" || event.action.manual) return;
      if (event.query.queryKey[0] !== conversationKeys.all[0]) return;
      const cutoff = Date.now() - REPLAY_WINDOW_MS;
      while (recent.length && (recent[0]?.at ?? 0) < cutoff) recent.shift();
      for (const { conversation } of recent) apply(conversation);
    });

    socket.on("connect", () => {
      setState("live");
      // After a reconnect we may have missed events: catch up from the server.
      if (socket.recovered === false) void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    });
    socket.on("disconnect", () => setState("offline"));
    socket.on("connect_error", () => setState("offline"));

    return () => {
      unsubscribe();
      socket.disconnect();
    };
  }, [queryClient]);

  return <ConnectionContext.Provider value={state}>{children}</ConnectionContext.Provider>;
}
