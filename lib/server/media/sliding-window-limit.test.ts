import { describe, expect, it } from "vitest";
import { createSlidingWindowLimit } from "./sliding-window-limit";

describe("createSlidingWindowLimit", () => {
  it("allows N in any window, refuses the next with the seconds until a slot frees, per key", () => {
    let now = 1_000_000;
    const limit = createSlidingWindowLimit({ limit: 3, windowMs: 60_000, now: () => now });
    expect(limit.take("ann")).toEqual({ ok: true });
    now += 10_000;
    expect(limit.take("ann")).toEqual({ ok: true });
    expect(limit.take("ann")).toEqual({ ok: true });
    expect(limit.take("ann")).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limit.take("bob")).toEqual({ ok: true });
    // The first event leaves the window: one slot, not three.
    now += 50_000;
    expect(limit.take("ann")).toEqual({ ok: true });
    expect(limit.take("ann")).toEqual({ ok: false, retryAfterSeconds: 10 });
  });
});
