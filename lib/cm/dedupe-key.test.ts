import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inboundEventDedupeKey, inboundMessageDedupeKey, statusReportDedupeKey } from "./dedupe-key";
import { newCmReference, CM_REFERENCE_PATTERN } from "./reference";
import { parseInboundEvent } from "./schemas/inbound-event";
import { parseInboundMessage } from "./schemas/inbound-message";
import { parseStatusReports } from "./schemas/status-report";
import { sha256Hex } from "./sha256";

function mo(text: string, extra: Record<string, unknown> = {}) {
  const r = parseInboundMessage({
    from: { number: "65" },
    to: { number: "1784" },
    message: { text },
    timeUtc: "2025-01-10T13:05:00",
    ...extra,
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe("sha256Hex", () => {
  it.each(["", "abc", "é😀", "x".repeat(200)])("matches node:crypto for %j", (s) => {
    expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });
});

describe("dedupe keys", () => {
  it("is stable for the same MO and ignores fields CM may vary between retries", () => {
    expect(inboundMessageDedupeKey(mo("hi"))).toBe(
      inboundMessageDedupeKey(mo("hi", { time: "other", groupings: ["a"] })),
    );
  });

  it("differs when text, sender, time, media or postback differ", () => {
    const keys = new Set([
      inboundMessageDedupeKey(mo("hi")),
      inboundMessageDedupeKey(mo("hi!")),
      inboundMessageDedupeKey(mo("hi", { from: "66" })),
      inboundMessageDedupeKey(mo("hi", { timeUtc: "2025-01-10T13:05:01" })),
      inboundMessageDedupeKey(mo("hi", { message: { text: "hi", media: { mediaUri: "https://m" } } })),
      inboundMessageDedupeKey(mo("hi", { message: { text: "hi", custom: { suggestions: [{ postbackData: "P" }] } } })),
    ]);
    expect(keys.size).toBe(6);
  });

  it("keys events and status reports", () => {
    const ev = (type: string) => {
      const r = parseInboundEvent({
        from: "65",
        to: "1784",
        event: { type, reference: "1" },
        timeUtc: "2025-01-10T13:05:00",
      });
      if (!r.ok) throw new Error(r.error);
      return inboundEventDedupeKey(r.value);
    };
    expect(ev("MessageDelete")).toBe(ev("MessageDelete"));
    expect(ev("MessageDelete")).not.toBe(ev("StoryMention"));

    const sr = (code: string) => {
      const r = parseStatusReports({ messages: { msg: { to: "65", reference: "r", status: { code } } } });
      if (!r.ok) throw new Error(r.error);
      return statusReportDedupeKey(r.value[0]!);
    };
    expect(sr("0")).toBe(sr("0"));
    expect(sr("0")).not.toBe(sr("2"));
  });
});

describe("newCmReference", () => {
  it("makes distinct alphanumeric references of at most 32 characters", () => {
    const refs = Array.from({ length: 500 }, () => newCmReference());
    expect(new Set(refs).size).toBe(500);
    for (const r of refs) expect(r).toMatch(CM_REFERENCE_PATTERN);
  });
});
