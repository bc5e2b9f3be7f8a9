"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSocket } from "@/components/realtime/socket-context";
import { adminKeys } from "@/lib/queries/admin";
import { EVENTS } from "@/lib/realtime/events";
import { listenValidated } from "@/lib/realtime/listen";

/** A burst of connections (a deploy, a network blip) is one refetch, not one per socket. */
const BURST_MS = 300;

/**
 * Asks again who is online when this page's socket connects and whenever the server says a
 * socket came or went (presence.changed, to admins). The list fetched as the page opened may
 * have been answered before this very page's socket was counted: its own admin showed
 * "Offline" until the next poll.
 */
export function usePresenceRefresh(): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: adminKeys.users() }), BURST_MS);
    };
    refresh(); // the socket is connected now: it counts from here on
    const stop = listenValidated(socket, { [EVENTS.presenceChanged]: refresh });
    socket.on("connect", refresh);
    return () => {
      clearTimeout(timer);
      stop();
      socket.off("connect", refresh);
    };
  }, [socket, queryClient]);
}
