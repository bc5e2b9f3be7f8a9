import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { BODY_TOO_LARGE, limitedIncomingMessage } from "./body-counter";

const LIMIT = 64 * 1024;
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server whose handler reads the body the way a framework does, and reports what it got. */
async function start(onTooLarge: "answer" | "ignore") {
  const seen: { bodyBytes: number[]; tooLarge: number } = { bodyBytes: [], tooLarge: 0 };
  server = createServer({ IncomingMessage: limitedIncomingMessage(() => ({ bytes: LIMIT })) }, (req, res) => {
    if (onTooLarge === "answer") {
      req.once(BODY_TOO_LARGE, () => {
        seen.tooLarge++;
        res.writeHead(413, { connection: "close" }).end("too large");
      });
    }
    void (async () => {
      let total = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) total += chunk.length;
      seen.bodyBytes.push(total);
      res.end(`read ${total}`);
    })().catch(() => {});
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

/** Streams `size` bytes (never held at once), chunked unless a length is given. */
function post(port: number, size: number, contentLength?: number) {
  return new Promise<{ status: number; text: string } | { error: string }>((resolve) => {
    const req = request({
      port,
      host: "127.0.0.1",
      method: "POST",
      path: "/",
      headers: contentLength === undefined ? {} : { "content-length": contentLength },
    });
    req.on("response", (res: IncomingMessage) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", (error) => resolve({ error: error.message }));
    let sent = 0;
    Readable.from(
      (function* () {
        while (sent < size) {
          const n = Math.min(16 * 1024, size - sent);
          sent += n;
          yield Buffer.alloc(n, 97);
        }
      })(),
    )
      .on("error", () => {})
      .pipe(req)
      .on("error", () => {});
  });
}

describe("limitedIncomingMessage", () => {
  it("hands a body within the limit to the reader whole, with or without a length", async () => {
    const { port, seen } = await start("answer");
    expect(await post(port, LIMIT)).toEqual({ status: 200, text: `read ${LIMIT}` });
    expect(await post(port, 1000, 1000)).toEqual({ status: 200, text: "read 1000" });
    expect(seen.tooLarge).toBe(0);
  });

  it("cuts off a chunked body past the limit: the server answers 413 and the reader never sees the rest", async () => {
    const { port, seen } = await start("answer");
    expect(await post(port, 20 * 1024 * 1024)).toEqual({ status: 413, text: "too large" });
    expect(seen.tooLarge).toBe(1);
    expect(seen.bodyBytes.every((n) => n <= LIMIT)).toBe(true);
  });

  it("counts a body with a Content-Length too, when nothing refused it before reading", async () => {
    const { port, seen } = await start("answer");
    expect(await post(port, LIMIT * 4, LIMIT * 4)).toEqual({ status: 413, text: "too large" });
    expect(seen.tooLarge).toBe(1);
  });

  it("closes the connection when nobody answers the cut-off", async () => {
    const { port, seen } = await start("ignore");
    const outcome = await post(port, 20 * 1024 * 1024);
    expect(outcome).toHaveProperty("error");
    expect(seen.bodyBytes.every((n) => n <= LIMIT)).toBe(true);
  });
});
