import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { log, withLogContext, type TLogContext } from "./logger";

// Every request gets an id: the proxy's X-Request-Id when it looks like one (so a line in the
// proxy's log and ours can be matched), otherwise a new one. It is echoed in the response and
// carried by every line logged while the request is handled, and one access line is written
// when the response is done.

const REQUEST_ID = /^[A-Za-z0-9._:@-]{8,128}$/;

/** The path as logged: no query string, and no secret (webhook URLs carry one, upload URLs are capabilities). */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] ?? "/";
  return path
    .replace(/^\/api\/webhooks\/cm\/[^/]*/, "/api/webhooks/cm/[secret]")
    .replace(/^\/media\/[^/]+/, "/media/[id]");
}

/** The request's id: the proxy's when valid, else a fresh one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Wraps the server's request listener with request ids, log context and the access log. */
export function observeRequests(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const context: TLogContext = { reqId: requestId(req) };
    // Route handlers read it from the request (Next.js passes the headers on).
    req.headers["x-request-id"] = context.reqId;
    res.setHeader("x-request-id", context.reqId ?? "");
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        ...context,
        method: req.method,
        path: loggedPath(req.url),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      const logger = log();
      if (res.statusCode >= 500) logger.warn(line, "request");
      else logger.info(line, "request");
    });
    withLogContext(context, () => listener(req, res));
  };
}
