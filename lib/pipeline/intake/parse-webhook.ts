import { inboundEventDedupeKey, inboundMessageDedupeKey, statusReportDedupeKey } from "../../cm/dedupe-key";
import { parseInboundEvent, type TInboundEvent } from "../../cm/schemas/inbound-event";
import { parseInboundMessage, type TInboundMessage } from "../../cm/schemas/inbound-message";
import { parseStatusReports, type TStatusReport } from "../../cm/schemas/status-report";
import type { WebhookKind } from "../../db/generated/client";
import { sanitizeJson } from "../../cm/sanitize-json";
import { AppError } from "../../errors";

export const WEBHOOK_URL_KINDS = ["messages", "events", "status-reports"] as const;
export type TWebhookUrlKind = (typeof WEBHOOK_URL_KINDS)[number];

/** One delivery in a webhook body, as parsed: a status-report body may carry several. */
export type TWebhookUnit = (
  | { kind: "MESSAGE"; dedupeKey: string; cmReference: string | null; customer: string; mo: TInboundMessage }
  | { kind: "EVENT"; dedupeKey: string; cmReference: string | null; customer: string; event: TInboundEvent }
  | { kind: "STATUS_REPORT"; dedupeKey: string; cmReference: string | null; customer: string; report: TStatusReport }
) & {
  /** Characters PostgreSQL cannot store were replaced (lib/cm/sanitize-json.ts). */
  replaced: boolean;
};

export interface TWebhookAccount {
  id: string;
  igAccountId: string;
}

/**
 * Checks a webhook body as CM sends it and splits it into deliveries, each with the key that
 * recognises a retried copy. 400 for a body that is not CM's shape, 403 for a payload about
 * another Instagram account than the one whose URL it was posted to.
 */
export function parseWebhook(kind: TWebhookUrlKind, raw: unknown, account: TWebhookAccount): TWebhookUnit[] {
  const units = parseUnits(kind, raw, account);
  // Identifiers are indexed: one longer than any real one could not be stored (a 5xx forever).
  for (const unit of units) {
    if (unit.customer.length > MAX_PARTY_LENGTH) {
      throw new AppError("BAD_REQUEST", `The customer's number is longer than ${MAX_PARTY_LENGTH} characters.`);
    }
    if ((unit.cmReference?.length ?? 0) > MAX_REFERENCE_LENGTH) {
      throw new AppError("BAD_REQUEST", `The message reference is longer than ${MAX_REFERENCE_LENGTH} characters.`);
    }
  }
  return units;
}

/** Instagram-scoped IDs are about 16 digits; references and message IDs a few hundred characters at most. */
const MAX_PARTY_LENGTH = 64;
const MAX_REFERENCE_LENGTH = 512;

function parseUnits(kind: TWebhookUrlKind, raw: unknown, account: TWebhookAccount): TWebhookUnit[] {
  const { value: body, replaced } = sanitizeJson(raw);
  const mustBeOurs = (to: string) => {
    if (to !== account.igAccountId) {
      throw new AppError("FORBIDDEN", `This payload is for Instagram account ${to}, not the one this URL belongs to.`);
    }
  };
  if (kind === "messages") {
    const parsed = parseInboundMessage(body);
    if (!parsed.ok) throw new AppError("BAD_REQUEST", `Not a CM inbound message: ${parsed.error}`);
    const mo = parsed.value;
    mustBeOurs(mo.to);
    return [
      {
        kind: "MESSAGE",
        dedupeKey: inboundMessageDedupeKey(mo),
        cmReference: mo.messageId,
        customer: mo.from.number,
        mo,
        replaced,
      },
    ];
  }
  if (kind === "events") {
    const parsed = parseInboundEvent(body);
    if (!parsed.ok) throw new AppError("BAD_REQUEST", `Not a CM event: ${parsed.error}`);
    const event = parsed.value;
    mustBeOurs(event.to);
    const cmReference = event.detail.type === "MessageDelete" ? event.detail.messageReference : null;
    return [
      {
        kind: "EVENT",
        dedupeKey: inboundEventDedupeKey(event),
        cmReference,
        customer: event.from.number,
        event,
        replaced,
      },
    ];
  }
  const parsed = parseStatusReports(body);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", `Not a CM status report: ${parsed.error}`);
  return parsed.value.map((report) => ({
    kind: "STATUS_REPORT" as const,
    dedupeKey: statusReportDedupeKey(report),
    cmReference: report.reference,
    customer: report.to,
    report,
    replaced,
  }));
}

/** The stored form's kind for a URL's kind. */
export const STORED_KIND: Record<TWebhookUrlKind, WebhookKind> = {
  messages: "MESSAGE",
  events: "EVENT",
  "status-reports": "STATUS_REPORT",
};
export const URL_KIND: Record<WebhookKind, TWebhookUrlKind> = {
  MESSAGE: "messages",
  EVENT: "events",
  STATUS_REPORT: "status-reports",
};

/** One customer's webhooks are applied one after the other, in arrival order. */
export function orderKeyOf(accountId: string, customer: string): string {
  return `${accountId}:${customer}`;
}

/** A stored webhook parsed again for the processor: the delivery with this dedupe key. */
export function parseStoredUnit(
  stored: { kind: WebhookKind; payload: string; dedupeKey: string },
  account: TWebhookAccount,
): TWebhookUnit | null {
  const units = parseWebhook(URL_KIND[stored.kind], JSON.parse(stored.payload), account);
  return units.find((unit) => unit.dedupeKey === stored.dedupeKey) ?? null;
}
