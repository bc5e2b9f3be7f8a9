import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS, ZBusinessHours, ZTimeZone, clockMinutes } from "./schemas";

describe("business hours", () => {
  it("accepts the default week and a split shift ending at midnight", () => {
    const week = {
      ...DEFAULT_BUSINESS_HOURS.weekly,
      sat: [
        { from: "08:00", to: "12:00" },
        { from: "13:00", to: "24:00" },
      ],
    };
    expect(ZBusinessHours.safeParse({ weekly: week, holidays: ["2026-12-25"] }).success).toBe(true);
    expect(clockMinutes("24:00")).toBe(1440);
  });

  it("refuses overlapping or backwards intervals, bad clocks and impossible dates, with reasons", () => {
    const bad = (weekly: object, holidays: string[] = []) =>
      ZBusinessHours.safeParse({ weekly: { ...DEFAULT_BUSINESS_HOURS.weekly, ...weekly }, holidays }).error?.issues[0]
        ?.message;
    expect(bad({ mon: [{ from: "10:00", to: "09:00" }] })).toBe("must end after it starts");
    expect(
      bad({
        mon: [
          { from: "09:00", to: "12:00" },
          { from: "11:00", to: "13:00" },
        ],
      }),
    ).toBe("intervals must be in order and must not overlap");
    expect(bad({ mon: [{ from: "9:00", to: "12:00" }] })).toContain("HH:MM");
    expect(bad({}, ["2026-02-30"])).toBe("must be a real date");
  });

  it("knows IANA time zones", () => {
    expect(ZTimeZone.safeParse("Europe/Amsterdam").success).toBe(true);
    expect(ZTimeZone.safeParse("Mars/Olympus").error?.issues[0]?.message).toContain("IANA");
  });
});
