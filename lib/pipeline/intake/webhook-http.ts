import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../errors";
import { oneLine } from "../../errors-one-line";
import { MAX_WEBHOOK_BYTES, acceptWebhook, type TIntakeDeps, type TWebhookAnswer } from "./accept-webhook";
import { log as logger } from "../../log/logger";
import { metrics } from "../../metrics/metrics";

// CM's webhooks are the inbox's hot path, so they are answered here, on the plain Node.js
// server, before Next.js sees the request (Next's request handling cost about a quarter of
// the CPU per webhook). The route is the one the admin page shows:
//   POST /api/webhooks/cm/<secret>/messages | events | status-reports

const PATH = /^\/api\/webhooks\/cm\/([^/?#]*)\/([^/?#]*)\/?(?:\?.*)?$/;

export interface TWebhookHttpOptions {
  /** Webhooks being stored at once; beyond that CM is told to come back (503, Retry-After). */
  maxInFlight: number;
  /** A store that has not finished by then is answered 503 (CM retries; a late commit is then a duplicate). */
  storeTimeoutMs: number;
  log?: (line: string) => void;
}

/** Returns a handler that answers CM's webhooks and returns false for every other request. */
export function createWebhookHttpHandler(
  getDeps: () => TIntakeDeps | undefined,
  { maxInFlight, storeTimeoutMs, log = (line: string) => logger().error(line) }: TWebhookHttpOptions,
) {
  let inFlight = 0;
  let lastLog = 0;
  const logRarely = (line: string) => {
    // One line a second at most: a database outage must not flood the log with one per webhook.
    if (Date.now() - lastLog < 1000) return;
    lastLog = Date.now();
    log(line);
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = PATH.exec(req.url ?? "");
    if (!match) return false;
    const deps = getDeps();
    const kind = match[2] ?? "";
    if (req.method !== "POST") {
      send(res, kind, { status: 405, body: error("METHOD_NOT_ALLOWED", "CM posts webhooks: use POST.") });
    } else if (!deps) {
      send(res, kind, unavailable("The inbox is starting or stopping; CM will retry."));
    } else if (inFlight >= maxInFlight) {
      send(res, kind, unavailable("The inbox is busy; CM will retry."));
    } else {
      inFlight++;
      answer(deps, req, match[1] ?? "", kind)
        .catch((caught: unknown) => {
          if (caught instanceof AppError) return { status: caught.status, body: error(caught.code, caught.message) };
          // The URL (it holds the secret) is never logged.
          logRarely(`Webhook not stored, answered 503 so CM retries: ${oneLine(caught)}`);
          return unavailable("The webhook could not be stored just now; CM will retry.");
        })
        .then((result) => send(res, kind, result))
        .finally(() => inFlight--);
    }
    return true;
  };

  async function answer(deps: TIntakeDeps, req: IncomingMessage, rawSecret: string, kind: string) {
    let secret: string;
    try {
      secret = decodeURIComponent(rawSecret);
    } catch {
      throw new AppError("UNAUTHORIZED", "Unknown webhook URL: check it in the admin page.");
    }
    const body = await readBody(req, MAX_WEBHOOK_BYTES);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not stored within ${storeTimeoutMs} ms`)), storeTimeoutMs);
    });
    try {
      return await Promise.race([acceptWebhook(deps, { secret, kind, body }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    req.resume();
    return Promise.reject(new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > maxBytes) reject(new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`));
      else resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function unavailable(message: string): TWebhookAnswer {
  return { status: 503, body: error("UNAVAILABLE", message), retryAfter: 2 };
}

function send(res: ServerResponse, kind: string, { status, body, retryAfter }: TWebhookAnswer): void {
  metrics().webhookAnswered(kind, res.headersSent ? res.statusCode : status);
  // The edge (lib/http/edge.ts) has answered 413 already when it cut an endless body off.
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  };
  if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
  res.writeHead(status, headers).end(text);
}
