import { MAX_HOURLY_DAYS, type TGranularity, type TReportPeriod, type TReportRange } from "./schemas";
import { addDays, daysBetween, localDate, localHour, startOfLocalDay } from "./zoned-time";

// The period a report covers, from its range and the clock, in the report's time zone. Pure:
// the server resolves it to query, the browser only shows what the server resolved.

const HOUR_MS = 3_600_000;

export interface TPeriodInput {
  range: TReportRange;
  from?: string | undefined;
  to?: string | undefined;
  granularity?: TGranularity | undefined;
  businessHours: "on" | "off";
}

/** The range's first and last day (inclusive) in `timeZone` on the day `now` falls on. */
function rangeDays(input: TPeriodInput, today: string): { firstDay: string; lastDay: string } {
  switch (input.range) {
    case "today":
      return { firstDay: today, lastDay: today };
    case "7d":
      return { firstDay: addDays(today, -6), lastDay: today };
    case "30d":
      return { firstDay: addDays(today, -29), lastDay: today };
    case "custom":
      return { firstDay: input.from ?? today, lastDay: input.to ?? today };
  }
}

/**
 * [from, to) runs from the first day's start to the last day's end, or to now when that is
 * sooner (nothing has happened after now). The previous period starts as many calendar days
 * earlier and is as long, so "today until 14:00" compares with "yesterday until 14:00".
 */
export function resolvePeriod(input: TPeriodInput, { now, timeZone }: { now: Date; timeZone: string }): TReportPeriod {
  const { firstDay, lastDay } = rangeDays(input, localDate(now, timeZone));
  const days = daysBetween(firstDay, lastDay) + 1;
  const from = startOfLocalDay(firstDay, timeZone);
  const end = startOfLocalDay(addDays(lastDay, 1), timeZone);
  const to = new Date(Math.max(from.getTime(), Math.min(end.getTime(), now.getTime())));
  const previousFrom = startOfLocalDay(addDays(firstDay, -days), timeZone);
  const previousTo = new Date(previousFrom.getTime() + (to.getTime() - from.getTime()));
  const wanted = input.granularity ?? (days <= 2 ? "hour" : "day");
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    previousFrom: previousFrom.toISOString(),
    previousTo: previousTo.toISOString(),
    firstDay,
    lastDay,
    timeZone,
    granularity: wanted === "hour" && days > MAX_HOURLY_DAYS ? "day" : wanted,
    businessHours: input.businessHours === "on",
  };
}

/**
 * The period's time buckets, in order: each local day (or hour) that has begun before the
 * period's end, with the key the database groups by and the instant it starts.
 */
export function periodBuckets(period: TReportPeriod): { bucket: string; start: string }[] {
  const end = Date.parse(period.to);
  const buckets: { bucket: string; start: string }[] = [];
  if (period.granularity === "day") {
    for (let day = period.firstDay; day <= period.lastDay; day = addDays(day, 1)) {
      const start = startOfLocalDay(day, period.timeZone);
      if (start.getTime() >= end && buckets.length > 0) break;
      buckets.push({ bucket: day, start: start.toISOString() });
    }
    return buckets;
  }
  const seen = new Set<string>();
  for (let at = Date.parse(period.from); at < end || buckets.length === 0; at += HOUR_MS) {
    const bucket = localHour(new Date(at), period.timeZone);
    // When clocks go back an hour, two hours of the day share a name: the database groups them.
    if (!seen.has(bucket)) buckets.push({ bucket, start: new Date(at).toISOString() });
    seen.add(bucket);
  }
  return buckets;
}
