import { z } from "zod";
import { ciObject, oneOrMany, ZCodeish, ZStringish } from "../case-insensitive-object";
import type { TParseResult } from "./inbound-message";

// The status report webhook, JSON variant (FORMATS.md §5). The documented template has
// `messages.msg` as one object with every value quoted; we also take an array and numbers.

export const ZCmStatusReportMsg = ciObject({
  received: ZStringish.nullish(),
  to: ZStringish,
  reference: ZStringish.nullish(),
  status: ciObject({
    code: ZCodeish,
    errorCode: ZCodeish.optional(),
    errorDescription: z.string().nullish(),
  }),
  operator: z.string().nullish(),
});

export const ZCmStatusReportWebhook = ciObject({
  messages: ciObject({ msg: oneOrMany(ZCmStatusReportMsg) }),
});
export type TCmStatusReportWebhook = z.output<typeof ZCmStatusReportWebhook>;

// The code table is UNCONFIRMED (FORMATS.md §5.3); this is the commonly cited mapping. Anything
// else is `unknown`, and the raw code is kept so it can be re-read once the table is known.
export const CM_STATUS_CODES = { 0: "accepted", 1: "rejected", 2: "delivered", 3: "failed" } as const;
export type TCmDeliveryStatus = (typeof CM_STATUS_CODES)[keyof typeof CM_STATUS_CODES] | "unknown";

export type TStatusReport = {
  /** Recipient (Instagram: presumably the IGSID — inferred). */
  to: string;
  /** Our `reference` from the send request: the only join key. */
  reference: string | null;
  status: TCmDeliveryStatus;
  code: number | null;
  errorCode: number | null;
  errorDescription: string | null;
  /** As sent by CM; format UNCONFIRMED, so not parsed. */
  received: string | null;
  /** The whole webhook body this report came in. */
  raw: unknown;
};

function deliveryStatus(code: number | null): TCmDeliveryStatus {
  if (code === null) return "unknown";
  return code in CM_STATUS_CODES ? CM_STATUS_CODES[code as keyof typeof CM_STATUS_CODES] : "unknown";
}

/** One webhook call may carry several reports; each keeps its own raw entry. */
export function parseStatusReports(payload: unknown): TParseResult<TStatusReport[]> {
  const parsed = ZCmStatusReportWebhook.safeParse(payload);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error), raw: payload };
  return {
    ok: true,
    value: parsed.data.messages.msg.map((m) => ({
      to: m.to,
      reference: m.reference === undefined || m.reference === null || m.reference === "" ? null : m.reference,
      status: deliveryStatus(m.status.code),
      code: m.status.code,
      errorCode: m.status.errorCode ?? null,
      errorDescription: m.status.errorDescription || null,
      received: m.received || null,
      raw: payload,
    })),
  };
}
