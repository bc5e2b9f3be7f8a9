import { describe, expect, it } from "vitest";
import { businessSeconds, elapsedSeconds } from "./business-seconds";
import { DEFAULT_BUSINESS_HOURS, type TBusinessHours } from "./schemas";

const HOUR = 3600;
const at = (iso: string) => new Date(iso);
const nineToFive = { timeZone: "UTC", businessHours: DEFAULT_BUSINESS_HOURS };
const amsterdam = { timeZone: "Europe/Amsterdam", businessHours: DEFAULT_BUSINESS_HOURS };

const everyDay = (from: string, to: string): TBusinessHours["weekly"] => ({
  mon: [{ from, to }],
  tue: [{ from, to }],
  wed: [{ from, to }],
  thu: [{ from, to }],
  fri: [{ from, to }],
  sat: [{ from, to }],
  sun: [{ from, to }],
});

describe("businessSeconds", () => {
  it("counts plain seconds around the clock when the account has no business hours", () => {
    const hours = { timeZone: "Europe/Amsterdam", businessHours: null };
    expect(businessSeconds(at("2026-03-06T16:00:00Z"), at("2026-03-09T10:00:30Z"), hours)).toBe(66 * HOUR + 30);
  });

  it("counts the part of a span inside one day's hours", () => {
    // Monday 2 March 2026: 08:00–12:30 UTC, open from 09:00.
    expect(businessSeconds(at("2026-03-02T08:00:00Z"), at("2026-03-02T12:30:00Z"), nineToFive)).toBe(3.5 * HOUR);
    // Entirely after closing: nothing.
    expect(businessSeconds(at("2026-03-02T17:30:00Z"), at("2026-03-02T23:00:00Z"), nineToFive)).toBe(0);
  });

  it("skips a weekend", () => {
    // Friday 16:00 → Monday 10:00: the last hour of Friday and the first of Monday.
    expect(businessSeconds(at("2026-03-06T16:00:00Z"), at("2026-03-09T10:00:00Z"), nineToFive)).toBe(2 * HOUR);
  });

  it("skips a holiday, a date in the account's zone", () => {
    const hours = { timeZone: "UTC", businessHours: { ...DEFAULT_BUSINESS_HOURS, holidays: ["2026-03-09"] } };
    // Friday 16:00 → Tuesday 10:00 with Monday closed.
    expect(businessSeconds(at("2026-03-06T16:00:00Z"), at("2026-03-10T10:00:00Z"), hours)).toBe(2 * HOUR);
  });

  it("counts both parts of a split shift and not the break", () => {
    const split: TBusinessHours = {
      weekly: {
        ...DEFAULT_BUSINESS_HOURS.weekly,
        wed: [
          { from: "09:00", to: "12:00" },
          { from: "13:00", to: "17:00" },
        ],
      },
      holidays: [],
    };
    const hours = { timeZone: "UTC", businessHours: split };
    expect(businessSeconds(at("2026-03-04T11:00:00Z"), at("2026-03-04T14:00:00Z"), hours)).toBe(2 * HOUR);
  });

  it("reads the hours on the account's wall clock, across the spring change in Amsterdam", () => {
    // Sunday 29 March 2026 the clocks go from 02:00 to 03:00. Friday 16:00 CET (15:00 UTC) →
    // Monday 10:00 CEST (08:00 UTC): one hour each side of the weekend, whatever the offset.
    const from = at("2026-03-27T15:00:00Z");
    const to = at("2026-03-30T08:00:00Z");
    expect(businessSeconds(from, to, amsterdam)).toBe(2 * HOUR);
    expect(elapsedSeconds(from, to)).toBe(65 * HOUR);
  });

  it("counts the 23 hours of the spring-forward day and the 25 of the fall-back day", () => {
    const allDay = {
      timeZone: "Europe/Amsterdam",
      businessHours: { weekly: everyDay("00:00", "24:00"), holidays: [] },
    };
    expect(businessSeconds(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"), allDay)).toBe(23 * HOUR);
    expect(businessSeconds(at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"), allDay)).toBe(25 * HOUR);
    // 08:00–10:00 local on the spring day: two real hours, at 06:00–08:00 UTC (CEST).
    const morning = {
      timeZone: "Europe/Amsterdam",
      businessHours: { weekly: everyDay("08:00", "10:00"), holidays: [] },
    };
    expect(businessSeconds(at("2026-03-29T06:30:00Z"), at("2026-03-29T12:00:00Z"), morning)).toBe(1.5 * HOUR);
  });

  it("counts the hours of an account in another zone on its own clock", () => {
    const newYork = { timeZone: "America/New_York", businessHours: DEFAULT_BUSINESS_HOURS };
    // Monday 2 March 2026, 13:00–15:00 UTC is 08:00–10:00 in New York (EST): one open hour.
    expect(businessSeconds(at("2026-03-02T13:00:00Z"), at("2026-03-02T15:00:00Z"), newYork)).toBe(HOUR);
    // The same UTC span for Amsterdam (14:00–16:00 CET) is all open.
    expect(businessSeconds(at("2026-03-02T13:00:00Z"), at("2026-03-02T15:00:00Z"), amsterdam)).toBe(2 * HOUR);
    // New York moves to EDT on Sunday 8 March: Friday 16:00 EST (21:00 UTC) → Monday 10:00 EDT (14:00 UTC).
    expect(businessSeconds(at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"), newYork)).toBe(2 * HOUR);
    // A Saturday evening in New York is already Sunday in Tokyo, and Monday morning Tokyo is Sunday in New York.
    const tokyo = { timeZone: "Asia/Tokyo", businessHours: DEFAULT_BUSINESS_HOURS };
    expect(businessSeconds(at("2026-03-07T23:00:00Z"), at("2026-03-09T01:00:00Z"), tokyo)).toBe(HOUR);
  });

  it("counts nothing for a span that ends before it starts", () => {
    expect(businessSeconds(at("2026-03-02T12:00:00Z"), at("2026-03-02T10:00:00Z"), nineToFive)).toBe(0);
    expect(elapsedSeconds(at("2026-03-02T12:00:00Z"), at("2026-03-02T10:00:00Z"))).toBe(0);
  });
});
