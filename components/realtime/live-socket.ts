"use client";

import { useSyncExternalStore } from "react";
import type { Socket } from "socket.io-client";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/realtime/events";

// The tab's one socket (RealtimeProvider opens it), for features that listen to more of its
// events (notifications) without opening a second connection.

export type TLiveSocket = Socket<TServerToClientEvents, TClientToServerEvents>;

let current: TLiveSocket | null = null;
const listeners = new Set<() => void>();

/** Called by RealtimeProvider when it opens the socket, and with null when it closes it. */
export function publishLiveSocket(socket: TLiveSocket | null): void {
  current = socket;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The open socket, or null (before it opens, on the server). */
export function useLiveSocket(): TLiveSocket | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
