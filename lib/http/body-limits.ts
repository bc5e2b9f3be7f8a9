import { INSTAGRAM_LIMITS } from "../cm/limits";
import { MAX_WEBHOOK_BYTES } from "../webhooks/limits";

// The one table of how many body bytes each kind of route may receive. server.ts counts every
// body against it before Next.js, better-auth or socket.io read a byte, so no route can be
// made to buffer more than this (one unbounded POST used to exhaust the 192 MB heap).

/** The inbox's own JSON API (lib/http/route.ts reads bodies up to this). */
export const API_JSON_MAX_BYTES = 256 * 1024;

/** better-auth's endpoints take an email and password or less. */
export const AUTH_MAX_BYTES = 16 * 1024;

/** Pages and everything else take no body: the app has no server actions or form posts. */
export const OTHER_MAX_BYTES = 0;

/** socket.io's long-polling POSTs: engine.io's own default maxHttpBufferSize. */
export const SOCKET_MAX_BYTES = 1_000_000;

/** An image as Instagram takes it, plus room for a type the route sniffs and refuses itself. */
export const UPLOAD_MAX_BYTES = INSTAGRAM_LIMITS.imageMaxBytes + 64 * 1024;

export type TBodyLimit = { bytes: number; route: "webhook" | "upload" | "auth" | "socket" | "api" | "other" };

/** The body limit of a request, by its URL (query ignored). */
export function bodyLimitFor(url: string): TBodyLimit {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  if (path.startsWith("/api/webhooks/cm/")) return { bytes: MAX_WEBHOOK_BYTES, route: "webhook" };
  if (path === "/api/uploads" || path === "/api/uploads/") return { bytes: UPLOAD_MAX_BYTES, route: "upload" };
  if (path === "/api/auth" || path.startsWith("/api/auth/")) return { bytes: AUTH_MAX_BYTES, route: "auth" };
  if (path.startsWith("/socket.io/")) return { bytes: SOCKET_MAX_BYTES, route: "socket" };
  if (path === "/api" || path.startsWith("/api/")) return { bytes: API_JSON_MAX_BYTES, route: "api" };
  return { bytes: OTHER_MAX_BYTES, route: "other" };
}

/**
 * Whether the headers alone show the body is too large (answered 413 before reading): a declared
 * length over the limit, or any body where none is taken. A missing, malformed or small
 * Content-Length is left to the counter, which cuts off a body that lies.
 */
export function tooLargeUpfront(
  headers: { "content-length"?: string | undefined; "transfer-encoding"?: string | undefined },
  limit: TBodyLimit,
): boolean {
  const length = headers["content-length"]?.trim();
  if (limit.bytes === 0 && (headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0"))) {
    return true;
  }
  return length !== undefined && /^\d+$/.test(length) && Number(length) > limit.bytes;
}
