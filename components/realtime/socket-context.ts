"use client";

import { createContext, useContext } from "react";
import type { Socket } from "socket.io-client";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/realtime/events";

export type TAppSocket = Socket<TServerToClientEvents, TClientToServerEvents>;

/** The tab's one socket (components/realtime/realtime-provider.tsx), once it has connected. */
export const SocketContext = createContext<TAppSocket | null>(null);

export function useSocket(): TAppSocket | null {
  return useContext(SocketContext);
}
