import { describe, expect, it } from "vitest";
import { applySendOutcome, applyStatusReport, type TDeliveryState } from "./delivery";

const state = (status: TDeliveryState["status"], retryable = false): TDeliveryState => ({ status, retryable });

describe("applyStatusReport", () => {
  it("moves forward: sending → accepted → delivered", () => {
    expect(applyStatusReport(state("SENDING"), "accepted")).toBe("ACCEPTED");
    expect(applyStatusReport(state("ACCEPTED"), "delivered")).toBe("DELIVERED");
    expect(applyStatusReport(state("SENDING"), "delivered")).toBe("DELIVERED");
  });

  it("never moves back: a late or repeated report changes nothing", () => {
    expect(applyStatusReport(state("DELIVERED"), "accepted")).toBeNull();
    expect(applyStatusReport(state("ACCEPTED"), "accepted")).toBeNull();
    expect(applyStatusReport(state("DELIVERED"), "failed")).toBeNull();
    expect(applyStatusReport(state("FAILED"), "delivered")).toBeNull();
  });

  it("records a failure reported by CM", () => {
    expect(applyStatusReport(state("ACCEPTED"), "failed")).toBe("FAILED");
  });

  it("lets CM overrule our own uncertain failure (we timed out, CM had it)", () => {
    expect(applyStatusReport(state("FAILED", true), "delivered")).toBe("DELIVERED");
    expect(applyStatusReport(state("FAILED", true), "accepted")).toBe("ACCEPTED");
  });

  it("ignores reports for inbound messages", () => {
    expect(applyStatusReport(state("RECEIVED"), "delivered")).toBeNull();
  });
});

describe("applySendOutcome", () => {
  it("takes CM's answer while the message is still sending", () => {
    expect(applySendOutcome(state("SENDING"), "ACCEPTED")).toBe("ACCEPTED");
    expect(applySendOutcome(state("SENDING"), "FAILED")).toBe("FAILED");
  });

  it("keeps a state an early report already reached", () => {
    expect(applySendOutcome(state("DELIVERED"), "ACCEPTED")).toBeNull();
    expect(applySendOutcome(state("ACCEPTED"), "ACCEPTED")).toBeNull();
  });

  it("retries from a retryable failure", () => {
    expect(applySendOutcome(state("FAILED", true), "ACCEPTED")).toBe("ACCEPTED");
  });
});
