import { describeCmCode } from "../../cm/cm-codes";
import type { TCmSendResult } from "../../cm/client";

// CM's answer to one send, as what the outbox does next and a reason an agent can read.
// The token never appears here (the client scrubs it from every result).

export type TSendOutcome =
  | { kind: "accepted" }
  /** Fails the same way every time (or needs a person): shown at once. */
  | { kind: "failed"; reason: string; retryable: boolean }
  /**
   * Worth another try. `unknown`: the request may have reached CM and been accepted (a timeout,
   * a connection cut after sending), so a resend may deliver it twice.
   */
  | { kind: "retry"; reason: string; unknown: boolean };

// Errors raised before a single byte reached CM: the message certainly was not accepted.
const NOT_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT/;

export function describeSendOutcome(result: TCmSendResult): TSendOutcome {
  switch (result.kind) {
    case "accepted":
      return { kind: "accepted" };
    case "partial":
    case "rejected": {
      const rejected = result.messages.find((m) => m.status === "rejected");
      const code = result.kind === "rejected" ? result.code : (rejected?.code ?? 999);
      const details = rejected?.details ?? (result.kind === "rejected" ? result.details : null);
      const reason = `CM.com refused the message: ${describeCmCode(code)}${details ? ` (${details})` : ""}.`;
      // CM answered and refused: it does not have the message, a retry cannot send it twice.
      return result.retryable
        ? { kind: "retry", reason, unknown: false }
        : { kind: "failed", reason, retryable: false };
    }
    case "transport":
      switch (result.reason) {
        case "timeout":
          return {
            kind: "retry",
            reason: "CM.com did not answer in time; it may or may not have the message.",
            unknown: true,
          };
        case "network":
          return NOT_CONNECTED.test(result.detail)
            ? { kind: "retry", reason: "CM.com could not be reached.", unknown: false }
            : {
                kind: "retry",
                reason: "The connection to CM.com broke off; it may or may not have the message.",
                unknown: true,
              };
        case "http":
        case "bad_response":
          if (result.retryable) {
            return {
              kind: "retry",
              reason: `CM.com answered with an error (HTTP ${result.status ?? "?"}).`,
              unknown: false,
            };
          }
          // A 2xx we cannot read most likely means CM took it: a status report will tell, and
          // may overrule this (a FAILED marked retryable is what reports may correct).
          return result.reason === "bad_response"
            ? {
                kind: "failed",
                reason:
                  "CM.com's answer could not be read; it probably has the message. Its status report will confirm it.",
                retryable: true,
              }
            : {
                kind: "failed",
                reason: `CM.com refused the request (HTTP ${result.status ?? "?"}).`,
                retryable: false,
              };
      }
  }
}
