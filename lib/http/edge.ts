import type { IncomingMessage, ServerOptions, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { AppError } from "../errors";
import { BODY_TOO_LARGE, limitedIncomingMessage } from "./body-counter";
import { bodyLimitFor, tooLargeUpfront } from "./body-limits";
import { checkWriteRequest } from "./csrf";
import { HSTS_HEADER_VALUE, cameOverHttps, clientAddress, type TProxySettings } from "./proxy";
import { CLIENT_IP_HEADER, PATH_HEADER } from "./request-headers";

// What server.ts does to every request before anything else reads it: bound the body, refuse
// cross-origin writes, settle the client's address and say HSTS over HTTPS.

export interface TEdgeSettings extends TProxySettings {
  appUrl: string;
  appOrigins: readonly string[];
}

/**
 * Options for http.createServer: the counting request class and the slow-client deadlines. A
 * request (headers and body) must have arrived within `requestTimeoutMs`, or Node answers 408
 * and closes: a client trickling a body cannot hold a connection and its buffers open.
 */
export function edgeServerOptions({ requestTimeoutMs }: { requestTimeoutMs: number }): ServerOptions {
  return {
    IncomingMessage: limitedIncomingMessage(bodyLimitFor),
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(20_000, requestTimeoutMs),
    keepAliveTimeout: 5_000,
    // Node checks the deadlines on this interval (30 s by default): a deadline must be one.
    connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
  };
}

/** Returns a handler that prepares every request and answers (returning true) the ones it refuses. */
export function createEdge(settings: TEdgeSettings) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    req.headers[CLIENT_IP_HEADER] = clientAddress(
      { forwardedFor: req.headers["x-forwarded-for"], remoteAddress: req.socket.remoteAddress },
      settings,
    );
    req.headers[PATH_HEADER] = req.url ?? "/";
    if (cameOverHttps({ forwardedProto: req.headers["x-forwarded-proto"] }, settings)) {
      res.setHeader("strict-transport-security", HSTS_HEADER_VALUE);
    }

    const limit = bodyLimitFor(req.url ?? "/");
    const tooLarge = limit.bytes
      ? `The body is larger than ${limit.bytes} bytes.`
      : "This address takes no request body.";
    // Registered before any refusal below: a refused body still arrives, and is only dropped.
    let refused = false;
    req.once(BODY_TOO_LARGE, () => {
      if (refused) return;
      // Whoever is reading the body must stop waiting for its end: it fails once the client has
      // our answer. An answer already started (a handler streaming before reading all) cannot
      // say 413; closing the connection then tells the client its body was cut.
      const cutOff = new AppError("PAYLOAD_TOO_LARGE", tooLarge);
      if (res.headersSent) return req.destroy(cutOff);
      refuse(req, res, 413, cutOff.code, cutOff.message);
      // Failing the body earlier would close the connection before the client read the 413.
      req.socket?.once("close", () => req.destroy(cutOff));
    });

    const refusal = tooLargeUpfront(req.headers, limit)
      ? new AppError("PAYLOAD_TOO_LARGE", tooLarge)
      : checkWriteRequest(
          { method: req.method ?? "GET", url: req.url ?? "/", headers: pickHeaders(req) },
          settings.appOrigins,
        );
    if (refusal) {
      refused = true;
      refuse(req, res, refusal.status, refusal.code, refusal.message);
      return true;
    }
    return false;
  };
}

function pickHeaders(req: IncomingMessage) {
  const h = req.headers;
  return {
    origin: h.origin,
    "sec-fetch-site": single(h["sec-fetch-site"]),
    "content-type": h["content-type"],
    "content-length": h["content-length"],
    "transfer-encoding": h["transfer-encoding"],
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** How long a refused client's body is still read and dropped before the connection closes. */
const LINGER_MS = 2_000;

/**
 * Answers and closes the connection: the body was not read, and reading it to keep the
 * connection alive is what a large or endless body must not get.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ error: { code, message } });
  res.shouldKeepAlive = false;
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    connection: "close",
  });
  lingerOnClose(req.socket);
  res.end(text);
}

/**
 * Closing while the client's body is still arriving makes the kernel reset the connection, and
 * a client still writing then loses our answer to the reset. So, as nginx's lingering close
 * does, the socket is half-closed after the answer and what still arrives is read and dropped
 * (the request is dumped: nothing is kept) for a moment before the socket is destroyed.
 */
function lingerOnClose(socket: Socket | null): void {
  if (!socket) return;
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    this.resume();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("close", () => clearTimeout(timer));
  };
}
