import { sha256Hex } from "./sha256";
import type { TInboundEvent } from "./schemas/inbound-event";
import type { TInboundMessage } from "./schemas/inbound-message";
import type { TStatusReport } from "./schemas/status-report";

// CM retries every webhook (FORMATS.md §7), so each can arrive more than once, and no unique
// message ID is documented for MO. The key is a hash of the fields that identify one delivery;
// `timeUtc` has second precision, so two identical texts from one person in the same second
// collapse into one — an accepted loss, since Instagram users rarely do that.

function keyOf(kind: string, parts: readonly (string | null)[]): string {
  // JSON keeps part boundaries unambiguous ("a|b" + "c" ≠ "a" + "b|c").
  return `${kind}:${sha256Hex(JSON.stringify([kind, ...parts]))}`;
}

export function inboundMessageDedupeKey(mo: TInboundMessage): string {
  // Instagram's own message ID, when CM passes it, identifies the message exactly.
  if (mo.messageId !== null) return keyOf("mo-id", [mo.to, mo.messageId]);
  return keyOf("mo", [
    mo.to,
    mo.from.number,
    mo.timeUtc.toISOString(),
    mo.text,
    mo.media?.url ?? null,
    mo.postbackData,
    mo.storyReply?.id ?? mo.storyReply?.url ?? null,
  ]);
}

export function inboundEventDedupeKey(event: TInboundEvent): string {
  const d = event.detail;
  return keyOf("event", [
    event.to,
    event.from.number,
    event.timeUtc.toISOString(),
    event.eventId,
    d.type === "unknown" ? d.cmType : d.type,
    d.type === "MessageDelete" ? d.messageReference : d.type === "StoryMention" ? d.url : JSON.stringify(event.raw),
  ]);
}

/** Same report twice ⇒ same key; accepted and delivered for one message ⇒ different keys. */
export function statusReportDedupeKey(report: TStatusReport): string {
  return keyOf("status", [
    report.reference,
    report.to,
    report.code === null ? null : String(report.code),
    report.errorCode === null ? null : String(report.errorCode),
    report.received,
  ]);
}
