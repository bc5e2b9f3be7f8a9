// CM's request-level `errorCode` and per-message `messageErrorCode` table (FORMATS.md §2.3), in
// words an agent or admin can act on. Browser-safe, so the UI can show them.

export const CM_ERROR_CODES = {
  0: "Accepted by CM",
  101: "The product token is not known to CM (authentication failed)",
  102: "The CM account has insufficient balance",
  103: "The product token is not valid",
  201: "One or more messages in the request had errors and were not sent",
  202: "The request was malformed (invalid JSON or wrong data types)",
  203: "The request's list of messages was missing or invalid",
  301: "The sender is not valid (check the Instagram account ID)",
  302: "The recipient is missing or not valid",
  303: "The recipient's ID is not valid (expected an Instagram-scoped user ID)",
  304: "The message text is missing or too long",
  305: "A field of the message is not valid for Instagram",
  401: "CM's spam filter stopped the message",
  402: "The recipient is on a block list",
  403: "CM rejected the message",
  500: "CM had an internal error",
  999: "CM reported an unknown error",
} as const satisfies Record<number, string>;

export type TCmErrorCode = keyof typeof CM_ERROR_CODES;

export function isKnownCmCode(code: number): code is TCmErrorCode {
  return Object.hasOwn(CM_ERROR_CODES, code);
}

/** Plain words for a CM code; unknown codes are named, not hidden. */
export function describeCmCode(code: number): string {
  return isKnownCmCode(code) ? CM_ERROR_CODES[code] : `CM returned an unlisted error code (${code})`;
}
