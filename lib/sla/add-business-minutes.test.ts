import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS, type TBusinessHours } from "../business-hours/schemas";
import { addBusinessMinutes } from "./add-business-minutes";
import { zonedInstant } from "../business-hours/zoned-time";

const AMS = "Europe/Amsterdam";
const at = (iso: string) => new Date(iso);
const ALL_DAY: TBusinessHours = {
  weekly: Object.fromEntries(
    (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((d) => [d, [{ from: "00:00", to: "24:00" }]]),
  ) as TBusinessHours["weekly"],
  holidays: [],
};

describe("addBusinessMinutes", () => {
  it("adds within one day's hours", () => {
    // Tuesday 10:00 in Amsterdam (winter, +01:00) plus 90 minutes.
    expect(addBusinessMinutes(at("2026-01-13T09:00:00Z"), 90, DEFAULT_BUSINESS_HOURS, AMS)?.toISOString()).toBe(
      "2026-01-13T10:30:00.000Z",
    );
  });

  it("carries what is left over a weekend to Monday's opening", () => {
    // Friday 16:00 local (15:00Z) + 2 h: one hour on Friday, one on Monday from 09:00.
    expect(addBusinessMinutes(at("2026-01-16T15:00:00Z"), 120, DEFAULT_BUSINESS_HOURS, AMS)?.toISOString()).toBe(
      "2026-01-19T09:00:00.000Z",
    );
  });

  it("starts the clock at the next opening when started outside the hours", () => {
    // Saturday noon + 30 minutes: Monday 09:30 local.
    expect(addBusinessMinutes(at("2026-01-17T11:00:00Z"), 30, DEFAULT_BUSINESS_HOURS, AMS)?.toISOString()).toBe(
      "2026-01-19T08:30:00.000Z",
    );
  });

  it("follows the wall clock across a weekend with a DST change (spring forward)", () => {
    // Friday 27 March 2026 16:00 CET (15:00Z) + 2 h: Monday 30 March 10:00 CEST, which is 08:00Z.
    expect(addBusinessMinutes(at("2026-03-27T15:00:00Z"), 120, DEFAULT_BUSINESS_HOURS, AMS)?.toISOString()).toBe(
      "2026-03-30T08:00:00.000Z",
    );
  });

  it("counts real minutes on the short day of a DST change (around the clock hours)", () => {
    // Saturday 28 March 12:00 CET + 24 h of hours open all day: the Sunday has 23 hours, so
    // the due time is 24 real hours later, 13:00 CEST on Sunday.
    expect(addBusinessMinutes(at("2026-03-28T11:00:00Z"), 24 * 60, ALL_DAY, AMS)?.toISOString()).toBe(
      "2026-03-29T11:00:00.000Z",
    );
  });

  it("follows the wall clock when the clocks go back (New York, November)", () => {
    // Friday 30 October 2026 16:00 EDT (20:00Z) + 2 h: Monday 2 November 10:00 EST = 15:00Z.
    expect(
      addBusinessMinutes(at("2026-10-30T20:00:00Z"), 120, DEFAULT_BUSINESS_HOURS, "America/New_York")?.toISOString(),
    ).toBe("2026-11-02T15:00:00.000Z");
  });

  it("skips holidays and counts split shifts", () => {
    const hours: TBusinessHours = {
      ...DEFAULT_BUSINESS_HOURS,
      weekly: {
        ...DEFAULT_BUSINESS_HOURS.weekly,
        tue: [
          { from: "09:00", to: "12:00" },
          { from: "13:00", to: "17:00" },
        ],
      },
      holidays: ["2026-01-12"],
    };
    // Monday 12 January is a holiday: from Monday 10:00 the clock starts Tuesday 09:00; 4 h
    // are 09:00–12:00 and 13:00–14:00.
    expect(addBusinessMinutes(at("2026-01-12T09:00:00Z"), 240, hours, AMS)?.toISOString()).toBe(
      "2026-01-13T13:00:00.000Z",
    );
  });

  it("is never due without any hours", () => {
    const none: TBusinessHours = {
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
    };
    expect(addBusinessMinutes(at("2026-01-12T09:00:00Z"), 10, none, AMS)).toBeNull();
  });
});

describe("zonedInstant", () => {
  it("reads a wall-clock time in the zone on both sides of a DST change", () => {
    expect(new Date(zonedInstant({ year: 2026, month: 3, day: 28 }, 9 * 60, AMS)).toISOString()).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(new Date(zonedInstant({ year: 2026, month: 3, day: 30 }, 9 * 60, AMS)).toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    // The next midnight ("24:00") of the 23-hour day.
    expect(new Date(zonedInstant({ year: 2026, month: 3, day: 29 }, 24 * 60, AMS)).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });
});
