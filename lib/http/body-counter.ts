import { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// Counts every request body as Node's HTTP parser hands it over, before anyone reads it.
// `http.createServer({ IncomingMessage })` is Node's documented way to extend the request, and
// `push` is where each parsed body chunk enters the stream: counting there leaves the stream
// exactly as Next.js, better-auth and socket.io expect to read it (no copy, no extra buffering,
// backpressure intact), whatever their way of reading, and whether the body has a length or not.

/** Emitted (with the limit) once a body passes its limit; the server answers 413. */
export const BODY_TOO_LARGE = "inbox:body-too-large";

type TLimitFor = (url: string) => { bytes: number };

/** A request class whose body is cut off past `limitFor(url).bytes`. */
export function limitedIncomingMessage(limitFor: TLimitFor): typeof IncomingMessage {
  return class LimitedIncomingMessage extends IncomingMessage {
    #received = 0;
    #limit: number | undefined;
    #cutOff = false;

    constructor(socket: Socket) {
      super(socket);
    }

    override push(chunk: unknown, encoding?: BufferEncoding): boolean {
      if (this.#cutOff) return false;
      if (chunk !== null && (typeof chunk === "string" || chunk instanceof Uint8Array)) {
        // url is parsed with the headers, before the first body chunk arrives.
        this.#limit ??= limitFor(this.url ?? "/").bytes;
        this.#received += typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : chunk.length;
        if (this.#received > this.#limit) {
          this.#cutOff = true;
          // Nothing past the limit reaches a reader; the socket (gone once a response has
          // released it) stops being read until closed.
          this.socket?.pause();
          if (!this.emit(BODY_TOO_LARGE, this.#limit)) this.destroy();
          return false;
        }
      }
      return super.push(chunk, encoding);
    }
  };
}
