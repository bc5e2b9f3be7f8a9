import { describe, expect, it } from "vitest";
import { backoffDelayMs, describeDuration, planRetry } from "./plan-retry";
import { OUTBOX_DEFAULTS } from "./outbox-deps";

const first = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(first.getTime() + ms);

describe("outbox retry plan", () => {
  it("doubles the ceiling per try up to the cap, jittered below it, never below a floor", () => {
    expect(backoffDelayMs(1, 0.999, OUTBOX_DEFAULTS)).toBe(1998);
    expect(backoffDelayMs(3, 0.999, OUTBOX_DEFAULTS)).toBe(7992);
    expect(backoffDelayMs(10, 0.999, OUTBOX_DEFAULTS)).toBe(59940);
    expect(backoffDelayMs(50, 0.5, OUTBOX_DEFAULTS)).toBe(30000);
    expect(backoffDelayMs(1, 0, OUTBOX_DEFAULTS)).toBe(500);
  });

  it("retries within the window, waits out the grace period after an unknown outcome, then gives up", () => {
    const plan = (now: number, unknownOutcome: boolean) =>
      planRetry({ attempts: 1, firstAttemptAt: first, now: at(now), unknownOutcome, random: 0.5 }, OUTBOX_DEFAULTS);
    expect(plan(0, false)).toEqual({ kind: "retry", at: at(1000) });
    expect(plan(0, true)).toEqual({ kind: "retry", at: at(30_000) });
    expect(plan(15 * 60_000 - 1, false).kind).toBe("retry");
    expect(plan(15 * 60_000, false)).toEqual({ kind: "give-up", triedForMs: 15 * 60_000 });
  });

  it("says durations in words", () => {
    expect(describeDuration(20_400)).toBe("20 s");
    expect(describeDuration(15 * 60_000)).toBe("15 min");
    expect(describeDuration(250_000)).toBe("4 min 10 s");
  });
});
