import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress } from "../media/private-address";
import { PrivateAddressError, publicOnlyLookup, type TResolve } from "../media/public-only-lookup";

// One webhook POST (issue 21). Never to a private, loopback or link-local address (checked at
// delivery time, on the very addresses connected to, as the image-type lookup does), never
// following a redirect (a 3xx is an answer like any other), bounded in time and in how much
// of the answer is read.

export interface TPostOptions {
  /** WEBHOOKS_ALLOW_LOCAL: http and private addresses allowed (development, tests). */
  allowLocal: boolean;
  timeoutMs: number;
  resolve?: TResolve;
}

export type TPostOutcome =
  | { kind: "answered"; status: number; retryAfterSeconds: number | null; excerpt: string; latencyMs: number }
  | { kind: "no-answer"; error: string; latencyMs: number; refused: boolean };

const EXCERPT_CHARS = 500;
/**
 * Connections are kept for the next delivery to the same receiver (no new TCP and TLS handshake
 * per event). A kept connection goes to the address that was checked when it was made.
 */
const AGENTS = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 50 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
};
/** Read at most this much of an answer; the rest is dropped. */
const READ_BYTES = 16 * 1024;

function refusal(url: URL, allowLocal: boolean): string | null {
  if (allowLocal) return null;
  if (url.protocol !== "https:") return "refused: the URL is not https";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if ((isIP(host) !== 0 && isPrivateAddress(host)) || host === "localhost" || host.endsWith(".localhost")) {
    return `refused: ${host} is a private or local address`;
  }
  return null;
}

function retryAfter(res: IncomingMessage): number | null {
  const value = res.headers["retry-after"];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - Date.now()) / 1000);
}

export function postHook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: TPostOptions,
): Promise<TPostOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve({ kind: "no-answer", error: "refused: not a URL", latencyMs: 0, refused: true });
  }
  const refused = refusal(url, options.allowLocal);
  if (refused) return Promise.resolve({ kind: "no-answer", error: refused, latencyMs: 0, refused: true });

  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: TPostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const req = send(
      url,
      {
        method: "POST",
        agent: url.protocol === "https:" ? AGENTS.https : AGENTS.http,
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        ...(options.allowLocal ? {} : { lookup: publicOnlyLookup(options.resolve) }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const done = (whole: boolean) => {
          const excerpt = Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS);
          // An answer read to its end leaves the connection for the next delivery; a longer one is cut.
          if (!whole) req.destroy();
          finish({
            kind: "answered",
            status: res.statusCode ?? 0,
            retryAfterSeconds: retryAfter(res),
            excerpt,
            latencyMs: latency(),
          });
        };
        res.on("data", (chunk: Buffer) => {
          if (read < READ_BYTES) chunks.push(chunk);
          read += chunk.length;
          if (read >= READ_BYTES) done(false);
        });
        res.on("end", () => done(true));
        res.on("error", () => done(false));
      },
    );
    const deadline = setTimeout(() => {
      req.destroy();
      finish({
        kind: "no-answer",
        error: `no answer within ${options.timeoutMs / 1000} s`,
        latencyMs: latency(),
        refused: false,
      });
    }, options.timeoutMs);
    req.on("error", (error) => {
      const isRefused = error instanceof PrivateAddressError;
      finish({
        kind: "no-answer",
        error: isRefused ? error.message : `connection failed: ${error.message}`,
        latencyMs: latency(),
        refused: isRefused,
      });
    });
    req.end(body);
  });
}
