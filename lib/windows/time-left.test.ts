import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./time-left";

describe("formatTimeLeft", () => {
  it("reads as a countdown at every scale", () => {
    expect(formatTimeLeft(50 * 60_000)).toBe("50 min 00 s");
    expect(formatTimeLeft(49 * 60_000 + 5_000)).toBe("49 min 05 s");
    expect(formatTimeLeft(3 * 3600_000 + 7 * 60_000 + 59_000)).toBe("3 h 07 min");
    expect(formatTimeLeft(2 * 86_400_000 + 5 * 3600_000)).toBe("2 d 5 h");
    expect(formatTimeLeft(999)).toBe("0 min 00 s");
    expect(formatTimeLeft(0)).toBe("closed");
  });
});
