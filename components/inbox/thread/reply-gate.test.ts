import { describe, expect, it } from "vitest";
import { replyGate } from "./reply-gate";

const t0 = new Date("2026-01-10T12:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

describe("replyGate", () => {
  it("blocks nothing while the conversation loads", () => {
    expect(replyGate(undefined, t0, false)).toEqual({ blocked: null, handedOver: false });
  });

  it("lets the agent reply inside the window", () => {
    expect(replyGate({ lastInboundAt: t0, handoverUntil: null }, at(2), false)).toEqual({
      blocked: null,
      handedOver: false,
    });
  });

  it("blocks with the reason once the window has closed, unless the human agent tag keeps it open", () => {
    const gate = replyGate({ lastInboundAt: t0, handoverUntil: null }, at(30), false);
    expect(gate.blocked).toMatch(/within 24 hours/);
    expect(gate.handedOver).toBe(false);
    expect(replyGate({ lastInboundAt: t0, handoverUntil: null }, at(30), true).blocked).toBeNull();
  });

  it("asks to take a handed-over chat back rather than blocking it", () => {
    expect(replyGate({ lastInboundAt: t0, handoverUntil: at(24) }, at(1), false)).toEqual({
      blocked: null,
      handedOver: true,
    });
  });
});
