import { z } from "zod";
import { ciObject, ZStringish } from "../case-insensitive-object";
import type { TParseResult } from "./inbound-message";
import { ZCmParty, ZCmUtcTime } from "./party";

// The events webhook (FORMATS.md §4): Instagram `MessageDelete` and `StoryMention`, plus types we
// do not handle yet (opt-ins, …) which are kept as `unknown` with their raw payload.

export const ZCmEventWebhook = ciObject({
  // Event ID (UUID) — only in the newer docs page, so optional.
  reference: z.string().nullish(),
  messageContext: z.string().nullish(),
  from: ZCmParty,
  to: ZCmParty,
  event: ciObject({
    type: z.string(),
    // Reference of the object that triggered the event; numeric-looking in CM's samples.
    reference: ZStringish.nullish(),
    custom: z.record(z.string(), z.unknown()).nullish(),
  }),
  timeUtc: ZCmUtcTime,
  channel: z.string().nullish(),
});
export type TCmEventWebhook = z.output<typeof ZCmEventWebhook>;

export type TInboundEventDetail =
  // Whether `messageReference` equals the deleted MO's `reference` is UNCONFIRMED (FORMATS.md §4).
  | { type: "MessageDelete"; messageReference: string | null }
  | { type: "StoryMention"; url: string | null }
  | { type: "unknown"; cmType: string };

export type TInboundEvent = {
  eventId: string | null;
  /** The customer (IGSID). */
  from: { number: string; name: string | null };
  /** Our Instagram account ID. */
  to: string;
  detail: TInboundEventDetail;
  timeUtc: Date;
  raw: unknown;
};

export function parseInboundEvent(payload: unknown): TParseResult<TInboundEvent> {
  const parsed = ZCmEventWebhook.safeParse(payload);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error), raw: payload };
  const e = parsed.data;
  const type = e.event.type.toLowerCase();
  const url = e.event.custom?.["url"];
  const detail: TInboundEventDetail =
    type === "messagedelete"
      ? { type: "MessageDelete", messageReference: e.event.reference ?? null }
      : type === "storymention"
        ? { type: "StoryMention", url: typeof url === "string" && url !== "" ? url : null }
        : { type: "unknown", cmType: e.event.type };
  return {
    ok: true,
    value: {
      eventId: e.reference ?? null,
      from: e.from,
      to: e.to.number,
      detail,
      timeUtc: e.timeUtc,
      raw: payload,
    },
  };
}
