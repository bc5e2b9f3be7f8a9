import { describe, expect, it } from "vitest";
import { periodBuckets, resolvePeriod } from "./period";
import { ZReportQuery } from "./schemas";
import { localDate, startOfLocalDay } from "./zoned-time";

const query = (input: Record<string, string>) => ZReportQuery.parse(input);

describe("a report's period", () => {
  const now = new Date("2026-12-09T12:00:00Z"); // a Wednesday, 13:00 in Amsterdam

  it("runs 7 days to now in the time zone, compared with the 7 days before, as long", () => {
    const period = resolvePeriod(query({ range: "7d" }), { now, timeZone: "Europe/Amsterdam" });
    expect(period).toMatchObject({
      firstDay: "2026-12-03",
      lastDay: "2026-12-09",
      from: "2026-12-02T23:00:00.000Z",
      to: "2026-12-09T12:00:00.000Z",
      previousFrom: "2026-11-25T23:00:00.000Z",
      previousTo: "2026-12-02T12:00:00.000Z",
      granularity: "day",
      businessHours: false,
    });
    expect(periodBuckets(period).map((b) => b.bucket)).toEqual([
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
    ]);
  });

  it("shows today hour by hour up to now, against yesterday until the same hour", () => {
    const period = resolvePeriod(query({ range: "today", businessHours: "on" }), { now, timeZone: "UTC" });
    expect(period).toMatchObject({
      from: "2026-12-09T00:00:00.000Z",
      to: "2026-12-09T12:00:00.000Z",
      previousFrom: "2026-12-08T00:00:00.000Z",
      previousTo: "2026-12-08T12:00:00.000Z",
      granularity: "hour",
      businessHours: true,
    });
    const buckets = periodBuckets(period);
    expect(buckets).toHaveLength(12);
    expect(buckets[11]).toEqual({ bucket: "2026-12-09T11:00", start: "2026-12-09T11:00:00.000Z" });
  });

  it("takes a custom range's whole days, and hours only up to 31 days", () => {
    const period = resolvePeriod(
      query({ range: "custom", from: "2026-10-01", to: "2026-11-30", granularity: "hour" }),
      {
        now,
        timeZone: "America/New_York",
      },
    );
    expect(period).toMatchObject({
      from: "2026-10-01T04:00:00.000Z", // EDT
      to: "2026-12-01T05:00:00.000Z", // EST: the clocks went back on 1 November
      previousFrom: "2026-08-01T04:00:00.000Z",
      granularity: "day",
    });
    expect(periodBuckets(period)).toHaveLength(61);
  });

  it("names a day's 23 hours when the clocks go forward", () => {
    const period = resolvePeriod(query({ range: "custom", from: "2026-03-29", to: "2026-03-29" }), {
      now,
      timeZone: "Europe/Amsterdam",
    });
    const buckets = periodBuckets(period).map((b) => b.bucket);
    expect(buckets).toHaveLength(23);
    expect(buckets.slice(0, 3)).toEqual(["2026-03-29T00:00", "2026-03-29T01:00", "2026-03-29T03:00"]);
  });

  it("refuses a custom range without both ends, backwards, or over a year", () => {
    expect(ZReportQuery.safeParse({ range: "custom", from: "2026-01-01" }).success).toBe(false);
    expect(ZReportQuery.safeParse({ range: "custom", from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(ZReportQuery.safeParse({ range: "custom", from: "2025-01-01", to: "2026-01-02" }).success).toBe(false);
    expect(ZReportQuery.safeParse({ range: "custom", from: "2025-01-02", to: "2026-01-02" }).success).toBe(true);
    expect(ZReportQuery.safeParse({ range: "week" }).success).toBe(false);
  });
});

describe("days in a time zone", () => {
  it("finds local midnight and the local date", () => {
    expect(startOfLocalDay("2026-12-09", "Asia/Kolkata").toISOString()).toBe("2026-12-08T18:30:00.000Z");
    expect(localDate(new Date("2026-12-08T23:30:00Z"), "Europe/Amsterdam")).toBe("2026-12-09");
    expect(localDate(new Date("2026-12-08T23:30:00Z"), "UTC")).toBe("2026-12-08");
  });
});
