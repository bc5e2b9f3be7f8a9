import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { publicOnlyLookup, type TResolve } from "../media/public-only-lookup";

// The fetch the CM client uses for a per-account gateway while private gateways are not
// allowed. The check before a send (gatewayRefusal) resolves the name; this connects to an
// address resolved and checked again at connection time, so a name that turns private between
// the two (DNS rebinding) is refused too. global fetch cannot take a lookup, hence node:http.

/** CM answers with a few hundred bytes; more is not a CM answer, and is not held in memory. */
const MAX_ANSWER_BYTES = 1024 * 1024;

export function gatewayFetch(resolve?: TResolve): typeof fetch {
  const send = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> =>
    new Promise((done, fail) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const request = url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = request(
        url,
        {
          method: init.method ?? "GET",
          headers: Object.fromEntries(new Headers(init.headers).entries()),
          lookup: publicOnlyLookup(resolve),
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) return req.destroy(new Error("the gateway's answer is too large"));
            chunks.push(chunk);
          });
          res.on("end", () => done(toResponse(res.statusCode ?? 502, Buffer.concat(chunks))));
          res.on("error", (error) => fail(new TypeError("fetch failed", { cause: error })));
        },
      );
      req.on("error", (error) => fail(new TypeError("fetch failed", { cause: error })));
      req.end(typeof init.body === "string" ? init.body : undefined);
    });
  return send;
}

function toResponse(status: number, body: Buffer): Response {
  // Response refuses statuses outside 200–599 and a body with 204/304.
  const safe = status >= 200 && status <= 599 ? status : 502;
  return new Response(safe === 204 || safe === 304 ? null : new Uint8Array(body), { status: safe });
}
