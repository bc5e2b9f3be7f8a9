import { describe, expect, it } from "vitest";
import { canSend, handover, handoverUntilAfter, messagingWindow, replyZone } from "./rules";

const t0 = new Date("2026-01-10T12:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

describe("the 24-hour messaging window", () => {
  it("is closed before the customer ever wrote", () => {
    expect(messagingWindow({ lastInboundAt: null }, t0)).toEqual({ open: false, closedAt: null });
  });

  it("is open for 24 hours after the customer's last message, and closed at the 24th hour", () => {
    expect(messagingWindow({ lastInboundAt: t0 }, at(23.99))).toEqual({ open: true, closesAt: at(24) });
    expect(messagingWindow({ lastInboundAt: t0 }, at(24))).toEqual({ open: false, closedAt: at(24) });
    expect(messagingWindow({ lastInboundAt: t0.toISOString() }, at(30))).toEqual({ open: false, closedAt: at(24) });
  });
});

describe("the handover to the Instagram inbox", () => {
  it("starts for 24 hours when the customer taps HUMAN_AGENT, and only then", () => {
    expect(handoverUntilAfter("HUMAN_AGENT", t0)).toEqual(at(24));
    expect(handoverUntilAfter("QUESTION", t0)).toBeNull();
    expect(handoverUntilAfter(null, t0)).toBeNull();
  });

  it("is active until its end", () => {
    expect(handover({ handoverUntil: at(24) }, at(1))).toEqual({ active: true, until: at(24) });
    expect(handover({ handoverUntil: at(24) }, at(24))).toEqual({ active: false, until: null });
    expect(handover({ handoverUntil: null }, t0)).toEqual({ active: false, until: null });
  });
});

describe("canSend", () => {
  it("allows a reply inside the window", () => {
    expect(canSend({ lastInboundAt: t0, handoverUntil: null }, at(2), { takeBack: false })).toEqual({
      ok: true,
      takesBack: false,
      tag: null,
    });
  });

  it("refuses outside the window, and before the customer wrote, with the reason", () => {
    expect(canSend({ lastInboundAt: t0, handoverUntil: null }, at(25), { takeBack: true })).toMatchObject({
      ok: false,
      code: "WINDOW_CLOSED",
      reason: expect.stringContaining("within 24 hours"),
    });
    expect(canSend({ lastInboundAt: null, handoverUntil: null }, t0, { takeBack: false })).toMatchObject({
      ok: false,
      code: "WINDOW_CLOSED",
      reason: expect.stringContaining("only the customer can start"),
    });
  });

  it("during a handover, sends only when the agent takes the chat back", () => {
    const state = { lastInboundAt: t0, handoverUntil: at(24) };
    expect(canSend(state, at(1), { takeBack: false })).toMatchObject({ ok: false, code: "HANDED_OVER" });
    expect(canSend(state, at(1), { takeBack: true })).toEqual({ ok: true, takesBack: true, tag: null });
  });

  it("with the human agent tag on: the window, then the tagged zone up to 7 days, then nothing", () => {
    const state = { lastInboundAt: t0, handoverUntil: null };
    const tag = { takeBack: false, humanAgentTag: true };
    expect(replyZone(state, at(23), { humanAgentTag: true })).toEqual({ zone: "window", closesAt: at(24) });
    expect(canSend(state, at(23), tag)).toEqual({ ok: true, takesBack: false, tag: null });
    expect(replyZone(state, at(24), { humanAgentTag: true })).toEqual({ zone: "tagged", closesAt: at(24 * 7) });
    expect(canSend(state, at(100), tag)).toEqual({ ok: true, takesBack: false, tag: "HUMAN_AGENT" });
    expect(replyZone(state, at(24 * 7), { humanAgentTag: true })).toEqual({ zone: "closed", closedAt: at(24 * 7) });
    expect(canSend(state, at(24 * 7), tag)).toMatchObject({ ok: false, reason: expect.stringContaining("7 days") });
    // Off (the default), the tag's zone does not exist.
    expect(replyZone(state, at(100))).toEqual({ zone: "closed", closedAt: at(24) });
    expect(canSend(state, at(100), { takeBack: false })).toMatchObject({ ok: false, code: "WINDOW_CLOSED" });
  });
});
