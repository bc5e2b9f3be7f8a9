import type { TIo } from "../../runtime";
import { EVENTS } from "../events";

/** socket.io's part of a graceful stop (lib/lifecycle/shutdown.ts), which itself never touches io. */
export interface TRealtimeStop {
  /** Tells this instance's browsers to reconnect (elsewhere) at a random moment within `withinMs`. */
  askBrowsersToMove(withinMs: number): void;
  /** Closes socket.io: whoever is still connected is disconnected (and reconnects by itself). */
  close(): Promise<void>;
}

export function realtimeStop(io: TIo): TRealtimeStop {
  return {
    askBrowsersToMove: (withinMs) => io.local.emit(EVENTS.serverStopping, { reconnectWithinMs: withinMs }),
    close: () => io.close(),
  };
}
