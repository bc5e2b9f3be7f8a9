import { newCmReference } from "./reference";
import { isRetryableCmCode, isRetryableTransport, type TTransportReason } from "./retry-policy";
import type { TCmSendRequest } from "./schemas/send-request";
import { ZCmSendResponse, type TCmResponseMessage } from "./schemas/send-response";

// The HTTP client for CM's send endpoint. It never throws for a CM or transport outcome: callers
// get a discriminated result with the retry decision already made (retry-policy.ts). The product
// token travels only in the `X-CM-PRODUCTTOKEN` header and is scrubbed from everything returned.

export const CM_DEFAULT_BASE_URL = "https://gw.messaging.cm.com";

export type TCmClientOptions = {
  baseUrl?: string;
  /** Budget for reaching the gateway (DNS, TCP, TLS). PHP SDK: 5 s. */
  connectTimeoutMs?: number;
  /** Budget for CM's answer once connected. PHP SDK: 20 s total. */
  responseTimeoutMs?: number;
  fetch?: typeof fetch;
};

export type TCmResultMessage = {
  to: string | null;
  status: "accepted" | "rejected";
  reference: string | null;
  parts: number | null;
  details: string | null;
  /** CM's `messageErrorCode`; 0 when accepted. */
  code: number | null;
};

export type TCmSendResult =
  | { kind: "accepted"; httpStatus: number; details: string | null; messages: TCmResultMessage[] }
  /** Some recipients accepted, some rejected (HTTP 200, errorCode 201). Only with several msgs or recipients. */
  | {
      kind: "partial";
      httpStatus: number;
      details: string | null;
      messages: TCmResultMessage[];
      retryable: boolean;
    }
  | {
      kind: "rejected";
      httpStatus: number;
      /** The code that explains the rejection: the per-message code when CM says 201, else the request code. */
      code: number;
      /** CM's request-level `errorCode` as sent. */
      requestCode: number | null;
      details: string | null;
      messages: TCmResultMessage[];
      retryable: boolean;
    }
  | { kind: "transport"; reason: TTransportReason; status?: number; detail: string; retryable: boolean };

export type TCmClient = {
  send(input: { productToken: string; request: TCmSendRequest }): Promise<TCmSendResult>;
};

function toResultMessage(m: TCmResponseMessage): TCmResultMessage {
  return {
    to: m.to ?? null,
    status: m.status.toLowerCase() === "accepted" ? "accepted" : "rejected",
    reference: m.reference ?? null,
    parts: m.parts ?? null,
    details: m.messageDetails ?? null,
    code: m.messageErrorCode ?? null,
  };
}

/** Reads CM's JSON answer (for 200 and for 400 alike — FORMATS.md §2.2) into a result. */
function interpret(httpStatus: number, body: unknown): TCmSendResult | null {
  const parsed = ZCmSendResponse.safeParse(body);
  if (!parsed.success) return null;
  const response = parsed.data;
  const requestCode = response.errorCode ?? null;
  const messages = (response.messages ?? []).map(toResultMessage);
  const details = response.details ?? null;
  const rejected = messages.filter((m) => m.status === "rejected");
  const accepted = messages.filter((m) => m.status === "accepted");
  // A rejection without a code (older CM responses lack it) is treated as permanent: retrying an
  // unexplained rejection forever is worse than showing it to a person.
  const everyRetryable = (codes: (number | null)[]) =>
    codes.length > 0 && codes.every((c) => c !== null && isRetryableCmCode(c));

  if (accepted.length > 0 && rejected.length > 0) {
    return {
      kind: "partial",
      httpStatus,
      details,
      messages,
      retryable: everyRetryable(rejected.map((m) => m.code)),
    };
  }
  if (rejected.length === 0) {
    if (requestCode === null || requestCode === 0)
      return httpStatus < 300 ? { kind: "accepted", httpStatus, details, messages } : null;
    // A request-level rejection (101 token, 202 malformed, 500, …): `messages` is empty.
    return {
      kind: "rejected",
      httpStatus,
      code: requestCode,
      requestCode,
      details,
      messages,
      retryable: isRetryableCmCode(requestCode),
    };
  }
  // Every recipient rejected. With 201 the request-level code only says "see messages[]"; the
  // messages' own codes are the reason.
  const fromMessages = requestCode === null || requestCode === 0 || requestCode === 201;
  const code = fromMessages
    ? (rejected.find((m) => m.code !== null && m.code !== 0)?.code ?? requestCode ?? 999)
    : requestCode;
  const codes = fromMessages ? rejected.map((m) => m.code) : [code];
  return { kind: "rejected", httpStatus, code, requestCode, details, messages, retryable: everyRetryable(codes) };
}

function transport(reason: TTransportReason, detail: string, status?: number): TCmSendResult {
  return {
    kind: "transport",
    reason,
    ...(status === undefined ? {} : { status }),
    detail,
    retryable: isRetryableTransport(reason, status),
  };
}

/** Replaces the token wherever it might have leaked (an echoed body, an error text). */
function redact<T>(value: T, token: string): T {
  if (token === "") return value;
  const json = JSON.stringify(value);
  if (!json.includes(token)) return value;
  return JSON.parse(json.split(token).join("[redacted]")) as T;
}

/**
 * What goes on the wire: the token travels in the header only, so any body `authentication` is
 * dropped; a msg without a `reference` gets one, because it is the only key that joins a send to
 * its status reports (FORMATS.md §2.1) — callers should set their own to keep it.
 */
function wireBody(request: TCmSendRequest): unknown {
  const { authentication: _dropped, ...messages } = request.messages;
  const msg = messages.msg.map((m) => (m.reference === undefined ? { ...m, reference: newCmReference() } : m));
  return { ...request, messages: { ...messages, msg } };
}

function errorDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

function isTimeoutError(error: unknown): boolean {
  const code =
    error instanceof Error && typeof error.cause === "object" && error.cause !== null
      ? (error.cause as { code?: unknown }).code
      : undefined;
  return code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT" || code === "UND_ERR_HEADERS_TIMEOUT";
}

export function createCmClient(options: TCmClientOptions = {}): TCmClient {
  const baseUrl = (options.baseUrl ?? CM_DEFAULT_BASE_URL).replace(/\/+$/, "");
  const endpoint = `${baseUrl}/v1.0/message`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const responseTimeoutMs = options.responseTimeoutMs ?? 15_000;
  const doFetch = options.fetch ?? globalThis.fetch;

  async function send({
    productToken,
    request,
  }: {
    productToken: string;
    request: TCmSendRequest;
  }): Promise<TCmSendResult> {
    // fetch does not expose the moment the connection is up, so one deadline covers both budgets;
    // a hung gateway still yields `timeout` after connectTimeoutMs + responseTimeoutMs at most.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, connectTimeoutMs + responseTimeoutMs);
    try {
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            Accept: "application/json",
            "X-CM-PRODUCTTOKEN": productToken,
          },
          body: JSON.stringify(wireBody(request)),
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut || isTimeoutError(error))
          return transport("timeout", `no answer from CM within ${connectTimeoutMs + responseTimeoutMs} ms`);
        return redact(transport("network", errorDetail(error)), productToken);
      }

      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (timedOut)
          return transport(
            "timeout",
            `CM's answer did not complete within ${connectTimeoutMs + responseTimeoutMs} ms`,
            response.status,
          );
        return redact(transport("network", errorDetail(error), response.status), productToken);
      }

      let body: unknown = undefined;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      const result = body === undefined ? null : interpret(response.status, body);
      if (result !== null) return redact(result, productToken);
      if (response.status < 200 || response.status >= 300) {
        return transport("http", `CM answered HTTP ${response.status} without a readable CM response`, response.status);
      }
      return transport(
        "bad_response",
        `CM answered HTTP ${response.status} with a body that is not a CM response`,
        response.status,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  return { send };
}
