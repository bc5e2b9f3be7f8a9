import { metrics } from "../../metrics/metrics";
import { AppError } from "../../errors";
import { oneLine } from "../../errors-one-line";
import { MAX_WEBHOOK_BYTES } from "../../webhooks/limits";
import { acceptWebhook, type TIntakeDeps, type TWebhookAnswer } from "./accept-webhook";

// CM's webhooks, independent of the transport: the route handler
// (app/api/webhooks/cm/[secret]/[kind]/route.ts) hands each request here. The URL is the one
// the admin page shows: POST /api/webhooks/cm/<secret>/messages | events | status-reports

export interface TWebhookIntakeOptions {
  /** Webhooks being stored at once; beyond that CM is told to come back (503, Retry-After). */
  maxInFlight: number;
  /** A store that has not finished by then is answered 503 (CM retries; a late commit is then a duplicate). */
  storeTimeoutMs: number;
  log?: (line: string) => void;
}

/** One webhook as it arrived: the URL's two segments (as the router decoded them) and the request. */
export interface TWebhookRequest {
  secret: string;
  kind: string;
  request: Request;
}

export type TWebhookIntake = (input: TWebhookRequest) => Promise<TWebhookAnswer>;

/** Returns the intake: it answers every webhook, and never throws. */
export function createWebhookIntake(
  deps: TIntakeDeps,
  { maxInFlight, storeTimeoutMs, log = console.error }: TWebhookIntakeOptions,
): TWebhookIntake {
  let inFlight = 0;
  let lastLog = 0;
  const logRarely = (line: string) => {
    // One line a second at most: a database outage must not flood the log with one per webhook.
    if (Date.now() - lastLog < 1000) return;
    lastLog = Date.now();
    log(line);
  };

  const store = async ({ secret, kind, request }: TWebhookRequest): Promise<TWebhookAnswer> => {
    const body = await readBoundedText(request, MAX_WEBHOOK_BYTES);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not stored within ${storeTimeoutMs} ms`)), storeTimeoutMs);
    });
    try {
      return await Promise.race([acceptWebhook(deps, { secret, kind, body }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const answer = async (input: TWebhookRequest): Promise<TWebhookAnswer> => {
    if (inFlight >= maxInFlight) return unavailableAnswer("The inbox is busy; CM will retry.");
    inFlight++;
    try {
      return await store(input);
    } catch (caught) {
      if (caught instanceof AppError) return { status: caught.status, body: errorBody(caught.code, caught.message) };
      // The URL (it holds the secret) is never logged.
      logRarely(`Webhook not stored, answered 503 so CM retries: ${oneLine(caught)}`);
      return unavailableAnswer("The webhook could not be stored just now; CM will retry.");
    } finally {
      inFlight--;
    }
  };

  return async (input) => {
    const result = await answer(input);
    // Counted by kind and answer (lib/metrics: one registry per process, a no-op when off).
    metrics().webhookAnswered(input.kind, result.status);
    return result;
  };
}

/**
 * The body as text, refused (413) past `maxBytes` without holding more than that: a declared
 * length is checked before reading, an undeclared one while reading. The edge
 * (lib/http/edge.ts) bounds the same path earlier; this holds wherever the intake is mounted.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`);
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function unavailableAnswer(message: string): TWebhookAnswer {
  return { status: 503, body: errorBody("UNAVAILABLE", message), retryAfter: 2 };
}

/** The answer as CM receives it: JSON, never cached, Retry-After on a 503. */
export function webhookResponse({ status, body, retryAfter }: TWebhookAnswer): Response {
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  };
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return new Response(JSON.stringify(body), { status, headers });
}
