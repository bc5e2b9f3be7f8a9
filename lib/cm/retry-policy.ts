// The one place that decides whether a failed send may be retried automatically. Retrying reuses
// the message's `reference`, so status reports still join; CM does not document de-duplication on
// `reference`, so a retry after an ambiguous failure (timeout) can double-send — accepted here
// because a lost agent reply is worse than a rare duplicate.

export type TTransportReason = "timeout" | "network" | "http" | "bad_response";

/**
 * CM codes: 500 (internal) and 999 (unknown) are CM's own trouble → retry.
 * 102 (balance) is permanent for the automatic retry loop: it only clears when someone tops up the
 * account, which can take days; the app should surface it and let an admin resend.
 * Everything else (auth 101/103, malformed 2xx, per-message 3xx, spam/blacklist 4xx) fails the
 * same way every time.
 */
export function isRetryableCmCode(code: number): boolean {
  return code === 500 || code === 999;
}

/**
 * Transport failures: timeouts and network errors are transient; 5xx, 408 and 429 from a proxy
 * or the gateway are transient; other HTTP statuses are not. `bad_response` is a 2xx body we
 * cannot read: CM most likely accepted the message, so retrying would probably send it twice.
 */
export function isRetryableTransport(reason: TTransportReason, status?: number): boolean {
  switch (reason) {
    case "timeout":
    case "network":
      return true;
    case "http":
      return status !== undefined && (status >= 500 || status === 408 || status === 429);
    case "bad_response":
      return status !== undefined && status >= 500;
  }
}
