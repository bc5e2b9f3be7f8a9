import { describe, expect, it } from "vitest";
import { timeAgo } from "./format-time";

const now = new Date("2026-01-10T12:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

describe("timeAgo", () => {
  it("says how long ago, in the largest unit that fits", () => {
    expect(timeAgo(at(-2), now)).toBe("just now");
    expect(timeAgo(at(-42), now)).toBe("42 s ago");
    expect(timeAgo(at(-150), now)).toBe("2 min ago");
    expect(timeAgo(at(-3 * 3600 - 5), now)).toBe("3 h ago");
    expect(timeAgo(at(-3 * 86_400), now)).toBe("3 days ago");
  });

  it("says how soon for a time to come", () => {
    expect(timeAgo(at(20), now)).toBe("in 20 s");
    expect(timeAgo(at(1), now)).toBe("now");
    expect(timeAgo(at(300), now)).toBe("in 5 min");
  });
});
