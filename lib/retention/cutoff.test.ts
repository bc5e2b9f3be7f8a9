import { describe, expect, it } from "vitest";
import { retentionCutoff } from "./cutoff";

describe("retentionCutoff", () => {
  it("goes back whole calendar months in UTC, keeping the time of day", () => {
    expect(retentionCutoff(new Date("2026-12-07T05:50:00.123Z"), 1).toISOString()).toBe("2026-11-07T05:50:00.123Z");
    expect(retentionCutoff(new Date("2026-12-07T05:50:00Z"), 12).toISOString()).toBe("2025-12-07T05:50:00.000Z");
    expect(retentionCutoff(new Date("2026-02-10T00:00:00Z"), 120).toISOString()).toBe("2016-02-10T00:00:00.000Z");
  });

  it("lands on the month's last day when the month is shorter", () => {
    expect(retentionCutoff(new Date("2026-03-31T12:00:00Z"), 1).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(retentionCutoff(new Date("2028-03-31T12:00:00Z"), 1).toISOString()).toBe("2028-02-29T12:00:00.000Z");
    expect(retentionCutoff(new Date("2026-01-31T12:00:00Z"), 2).toISOString()).toBe("2025-11-30T12:00:00.000Z");
  });
});
