// The agents: socket.io clients that listen for `message.created`, as the inbox's browsers do.
// Each event's message text carries the token of the webhook that caused it.
import { io, type Socket } from "socket.io-client";

export type TEventSink = (agent: number, text: string, at: number) => void;

export interface TAgents {
  /** Where events go from now on (one tracker per phase). */
  setSink: (sink: TEventSink) => void;
  /** Disconnections seen since the start (events sent meanwhile may be lost). */
  disconnects: () => number;
  close: () => void;
}

function textOf(payload: unknown): string | null {
  const message = (payload as { message?: { content?: { text?: unknown } } } | null)?.message;
  const text = message?.content?.text;
  return typeof text === "string" ? text : null;
}

/** Connects one client per entry of `cookies` (undefined: no cookie) and waits until all are in. */
export async function connectAgents(url: string, cookies: (string | undefined)[]): Promise<TAgents> {
  let sink: TEventSink = () => {};
  let disconnects = 0;
  const sockets: Socket[] = cookies.map((cookie, index) => {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: true,
      // The app opens its live connection only to its own pages' Origin (lib/realtime/handshake-origin.ts).
      extraHeaders: { origin: new URL(url).origin, ...(cookie ? { cookie } : {}) },
    });
    // The baseline announces each message alone; the app announces each committed batch as
    // one `inbox.changed` whose `created` lists the new messages.
    socket.on("message.created", (payload: unknown) => {
      const at = performance.now();
      const text = textOf(payload);
      if (text !== null) sink(index, text, at);
    });
    socket.on("inbox.changed", (payload: { created?: unknown[] }) => {
      const at = performance.now();
      for (const message of payload.created ?? []) {
        const text = textOf({ message });
        if (text !== null) sink(index, text, at);
      }
    });
    socket.on("disconnect", () => disconnects++);
    return socket;
  });
  try {
    await Promise.all(
      sockets.map(
        (socket, index) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`agent ${index} could not connect to ${url}`)), 15_000);
            socket.once("connect", () => {
              clearTimeout(timer);
              resolve();
            });
            socket.once("connect_error", (error) => {
              clearTimeout(timer);
              reject(new Error(`agent ${index} refused by ${url}: ${error.message}`));
            });
          }),
      ),
    );
  } catch (error) {
    sockets.forEach((socket) => socket.close());
    throw error;
  }
  return {
    setSink: (next) => (sink = next),
    disconnects: () => disconnects,
    close: () => sockets.forEach((socket) => socket.close()),
  };
}
